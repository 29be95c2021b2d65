package jp.kessai;

import jp.kessai.platform.threads.KessaiThreads;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kessai: one server speaking GMO-PG's protocol type, GMO-PG's OpenAPI type and ROBOT PAYMENT over one payment core. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KessaiApplication {

    public static void main(String[] args) {
        KessaiThreads.chooseFor(KessaiApplication.class.getClassLoader());
        SpringApplication.run(KessaiApplication.class, args);
    }
}
