package jp.kessai.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link InFlightValve} first in the application context's Tomcat pipeline. */
@Configuration(proxyBeanMethods = false)
class InFlightConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> inFlightValve(ObjectProvider<InFlightLimit> limit,
            ObjectProvider<FaceErrorPages> pages) {
        // looked up when the first request comes, not while the web server is being built
        return factory -> factory.addContextValves(new InFlightValve(limit::getObject, pages::getObject));
    }
}
