package jp.kessai.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one sandbox Kessai with the default options for the annotated test class (and its {@code @Nested}
 * classes): test methods and lifecycle methods take a {@link Kessai}, {@link DemoShop}, {@link SandboxClock},
 * {@link SandboxFaults}, {@link SandboxCards} or {@link SandboxJobs} parameter. For options, register a
 * {@link KessaiExtension} built with {@link KessaiExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KessaiExtension.class)
public @interface KessaiTest {
}
