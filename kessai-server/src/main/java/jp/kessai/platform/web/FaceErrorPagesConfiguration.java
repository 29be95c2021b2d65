package jp.kessai.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link FaceErrorReportValve} in place of the HTML error report valve that Tomcat (or Spring Boot, with
 * {@code server.error.include-stacktrace=never}) installs on the host.
 */
@Configuration(proxyBeanMethods = false)
class FaceErrorPagesConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> faceErrorReportValve(ObjectProvider<FaceErrorPages> pages) {
        return new ValveCustomizer(pages);
    }

    /** Runs after Spring Boot's own customizer (order 0), which adds its ErrorReportValve. */
    private record ValveCustomizer(ObjectProvider<FaceErrorPages> pages)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> install(context.getParent(), new FaceErrorReportValve(pages::getObject)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static void install(Container parent, FaceErrorReportValve valve) {
        if (!(parent instanceof StandardHost host)) {
            throw new IllegalStateException("the error report valve belongs on a host, found " + parent);
        }
        for (Valve existing : host.getPipeline().getValves()) {
            if (existing instanceof ErrorReportValve) {
                host.getPipeline().removeValve(existing);
            }
        }
        host.getPipeline().addValve(valve);
        // the host adds a default valve on start unless one of this class is in its pipeline
        host.setErrorReportValveClass(FaceErrorReportValve.class.getName());
    }
}
