package jp.kessai.bench.hello;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline B2: Kessai's HTTP stack (Spring Boot 4, Spring MVC, Tomcat, virtual threads) with nothing behind it. It
 * answers the same paths as Kessai with the response bodies the harness captured from Kessai in the same run
 * ({@code --bench.stubs=DIR}, files {@code <key>.body} and {@code <key>.meta} = "status content-type"), so the same
 * generator and request stream drive it. Not part of the product.
 */
@SpringBootApplication
public class HelloApp {

    public static void main(String[] args) {
        SpringApplication.run(HelloApp.class, args);
    }

    record Canned(int status, String contentType, byte[] body) {}

    @RestController
    static class Hello {

        private final Map<String, Canned> canned = new HashMap<>();

        Hello(@Value("${bench.stubs:}") String stubs) throws IOException {
            if (stubs.isBlank()) {
                return;
            }
            try (var files = Files.list(Path.of(stubs))) {
                for (Path meta : files.filter(p -> p.toString().endsWith(".meta")).toList()) {
                    String key = meta.getFileName().toString().replaceFirst("\\.meta$", "");
                    String[] m = Files.readString(meta, StandardCharsets.US_ASCII).strip().split(" ", 2);
                    canned.put(key, new Canned(Integer.parseInt(m[0]), m[1],
                            Files.readAllBytes(meta.resolveSibling(key + ".body"))));
                }
            }
        }

        private ResponseEntity<byte[]> answer(String key) {
            Canned c = canned.get(key);
            if (c == null) {
                return ResponseEntity.status(404).build();
            }
            return ResponseEntity.status(c.status()).header(HttpHeaders.CONTENT_TYPE, c.contentType()).body(c.body());
        }

        @PostMapping("/hello")
        ResponseEntity<byte[]> hello(@RequestBody(required = false) byte[] body) {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/plain")
                    .body("hello".getBytes(StandardCharsets.US_ASCII));
        }

        @PostMapping("/credit/charge")
        ResponseEntity<byte[]> charge(@RequestBody(required = false) byte[] body) {
            return answer("credit_charge");
        }

        @PostMapping("/order/inquiry")
        ResponseEntity<byte[]> inquiry(@RequestBody(required = false) byte[] body) {
            return answer("order_inquiry");
        }

        @PostMapping("/payment/{name}.idPass")
        ResponseEntity<byte[]> idPass(@PathVariable String name, @RequestBody(required = false) byte[] body) {
            return answer(name);
        }
    }
}
