package jp.kessai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import jp.kessai.core.order.OperationStep;
import jp.kessai.processor.card.CardAcquirer;
import jp.kessai.processor.jcbpreca.PrecaCenter;
import jp.kessai.processor.netcash.NetCashCenter;
import jp.kessai.processor.threeds.ThreeDsServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md "Layout": faces at the edge, capabilities in the core, processors underneath. The build fails when a
 * face reaches into another face, the core into a face, a processor upwards, or anyone into another capability's
 * {@code internal} package.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("jp.kessai");
    }

    /** (a) The faces never share classes: idpass, sandbox, openapi, robot… each stand alone. */
    static final ArchRule FACES_ARE_INDEPENDENT = SlicesRuleDefinition.slices()
            .matching("jp.kessai.face.(*)..")
            .should().notDependOnEachOther()
            .because("each face translates its own wire format into core commands");

    /** (b) The core knows nothing of the wire. */
    static final ArchRule CORE_DOES_NOT_DEPEND_ON_FACES = noClasses()
            .that().resideInAPackage("jp.kessai.core..")
            .should().dependOnClassesThat().resideInAPackage("jp.kessai.face..")
            .because("faces translate core results, not the other way round");

    /** (c) Processors sit below the core: no upward dependency. */
    static final ArchRule PROCESSORS_DEPEND_ON_NEITHER_CORE_NOR_FACES = noClasses()
            .that().resideInAPackage("jp.kessai.processor..")
            .should().dependOnClassesThat().resideInAnyPackage("jp.kessai.face..", "jp.kessai.core..")
            .because("a processor is a narrow interface the core calls");

    /** (d) A capability's {@code internal} package is used only by that capability. */
    static final ArchRule INTERNALS_STAY_IN_THEIR_CAPABILITY = classes()
            .that().resideInAPackage("jp.kessai..internal..")
            .should(beDependedOnOnlyFromTheirOwnCapability())
            .because("internals may change without notice to other capabilities");

    /** (e) Only the sandbox face steers simulators; the other faces reach processors through the core. */
    static final ArchRule ONLY_THE_SANDBOX_FACE_TOUCHES_SIMULATORS = noClasses()
            .that().resideInAPackage("jp.kessai.face..")
            .and().resideOutsideOfPackage("jp.kessai.face.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("jp.kessai.processor..simulator..")
            .because("simulators are sandbox machinery, not part of a production face");

    /** (f) Faces read and change transactions through the core; only the sandbox face steers processors. */
    static final ArchRule FACES_DO_NOT_USE_PROCESSORS = noClasses()
            .that().resideInAPackage("jp.kessai.face..")
            .and().resideOutsideOfPackage("jp.kessai.face.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("jp.kessai.processor..")
            .because("a face maps core results, never a processor's answer");

    /** The processor methods that change something at the processor (reads such as balance inquiries are not listed). */
    static final Map<Class<?>, Set<String>> STATE_CHANGING = Map.of(
            CardAcquirer.class, Set.of("authorize", "capture", "voidAuthorization", "change"),
            PrecaCenter.class, Set.of("debit", "cancel"),
            NetCashCenter.class, Set.of("registerPayment"),
            ThreeDsServer.class, Set.of("initiate"));

    /**
     * (g) A state-changing processor call is made only by a pipeline step ({@link OperationStep#call}), which the
     * {@link jp.kessai.core.order.OperationRunner} runs between its claim and its finish (the reconciler only reads
     * the processors' books).
     */
    static final ArchRule ONLY_PIPELINE_STEPS_CHANGE_PROCESSORS = noClasses()
            .that().resideOutsideOfPackage("jp.kessai.processor..")
            .and().areNotAssignableTo(OperationStep.class)
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a state-changing processor method") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return STATE_CHANGING.entrySet().stream().anyMatch(e ->
                            call.getTargetOwner().isAssignableTo(e.getKey()) && e.getValue().contains(call.getName()));
                }
            })
            .because("a processor call outside the pipeline would have no claim before it and no finish after it");

    @Test
    void facesDoNotUseProcessors() {
        FACES_DO_NOT_USE_PROCESSORS.check(production);
    }

    @Test
    void onlyPipelineStepsCallStateChangingProcessorMethods() {
        ONLY_PIPELINE_STEPS_CHANGE_PROCESSORS.check(production);
    }

    @Test
    void theProcessorRuleSeesTheStepsThatCallProcessors() {
        assertThat(production.stream().filter(c -> c.isAssignableTo(OperationStep.class) && !c.isInterface()))
                .as("every operation is a step: the rule above must have something to allow")
                .extracting(JavaClass::getSimpleName)
                .contains("Debit", "Reversal", "PaymentRequest", "Authorization", "Capture", "Reauthorization", "Initiation");
    }

    @Test
    void facesDoNotDependOnEachOther() {
        FACES_ARE_INDEPENDENT.check(production);
    }

    @Test
    void coreDoesNotDependOnFaces() {
        CORE_DOES_NOT_DEPEND_ON_FACES.check(production);
    }

    @Test
    void processorsDependOnNeitherCoreNorFaces() {
        PROCESSORS_DEPEND_ON_NEITHER_CORE_NOR_FACES.check(production);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnCapability() {
        INTERNALS_STAY_IN_THEIR_CAPABILITY.check(production);
    }

    @Test
    void onlyTheSandboxFaceDependsOnSimulators() {
        ONLY_THE_SANDBOX_FACE_TOUCHES_SIMULATORS.check(production);
    }

    /**
     * (h) The platform serves every face and knows none: the error pages of the faces plug into platform/web through
     * its FaceErrorPage interface, not the other way round.
     */
    static final ArchRule PLATFORM_DOES_NOT_DEPEND_ON_FACES = noClasses()
            .that().resideInAPackage("jp.kessai.platform..")
            .should().dependOnClassesThat().resideInAPackage("jp.kessai.face..")
            .because("a face is added without touching the platform");

    @Test
    void platformDoesNotDependOnFaces() {
        PLATFORM_DOES_NOT_DEPEND_ON_FACES.check(production);
    }

    /** Guards the rules above against passing vacuously (wrong package names, nothing imported). */
    @Test
    void theRulesSeeTheLayersTheyGuard() {
        List<String> packages = production.stream().map(JavaClass::getPackageName).distinct().toList();

        assertThat(packages).contains("jp.kessai.face.idpass", "jp.kessai.face.sandbox", "jp.kessai.core",
                "jp.kessai.core.jcbpreca", "jp.kessai.processor.jcbpreca", "jp.kessai.processor.jcbpreca.simulator");
        assertThat(production.contain(ArchitectureTest.class)).as("test classes are not imported").isFalse();
        assertThat(production.get("jp.kessai.face.sandbox.SandboxBootstrap").getDirectDependenciesFromSelf())
                .as("the sandbox exception in rule (e) is real")
                .anyMatch(d -> d.getTargetClass().getPackageName().endsWith(".simulator"));
    }

    @Test
    void capabilityOfAnInternalPackageIsThePackageAboveIt() {
        assertThat(capabilityOf("jp.kessai.core.order.internal")).isEqualTo("jp.kessai.core.order");
        assertThat(capabilityOf("jp.kessai.core.order.internal.sql")).isEqualTo("jp.kessai.core.order");
        assertThat(capabilityOf("jp.kessai.face.robot.internal")).isEqualTo("jp.kessai.face.robot");
    }

    private static ArchCondition<JavaClass> beDependedOnOnlyFromTheirOwnCapability() {
        return new ArchCondition<>("be depended on only from their own capability") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String capability = capabilityOf(internal.getPackageName());
                for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                    String origin = dependency.getOriginClass().getPackageName();
                    if (!origin.equals(capability) && !origin.startsWith(capability + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + " (outside " + capability + ")"));
                    }
                }
            }
        };
    }

    /** {@code a.b.internal.c} → {@code a.b}: the package that owns the first {@code internal} segment. */
    static String capabilityOf(String packageName) {
        List<String> segments = Arrays.asList(packageName.split("\\."));
        return String.join(".", segments.subList(0, segments.indexOf("internal")));
    }
}
