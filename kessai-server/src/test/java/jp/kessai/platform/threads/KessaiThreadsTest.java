package jp.kessai.platform.threads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KessaiThreadsTest {

    @Test
    void onlySpringBootsNestedJarLoaderMeansTheReleaseJar() {
        assertThat(KessaiThreads.nestedJar("org.springframework.boot.loader.launch.LaunchedClassLoader")).isTrue();
        assertThat(KessaiThreads.nestedJar("jdk.internal.loader.ClassLoaders$AppClassLoader")).isFalse();
        assertThat(KessaiThreads.nestedJar("org.springframework.boot.devtools.restart.classloader.RestartClassLoader"))
                .isFalse();
    }

    @Test
    void theTestsClassLoaderKeepsVirtualThreads() {
        KessaiThreads.chooseFor(KessaiThreadsTest.class.getClassLoader());
        assertThat(KessaiThreads.virtual()).isTrue();
        assertThat(System.getProperty(KessaiThreads.SPRING_VIRTUAL)).isNull();
        Thread thread = KessaiThreads.factory("processor-call").newThread(() -> { });
        assertThat(thread.isVirtual()).isTrue();
        assertThat(thread.getName()).isEqualTo("processor-call-0");
    }

    @Test
    void onTheReleaseJarTheThreadsAreDaemonPlatformThreads() {
        var factory = KessaiThreads.factory("notification", false);
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.isVirtual()).isFalse();
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("notification-0");
        assertThat(second.getName()).isEqualTo("notification-1");
    }
}
