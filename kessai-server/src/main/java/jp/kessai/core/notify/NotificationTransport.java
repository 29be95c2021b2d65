package jp.kessai.core.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Posts one notification. Redirects are not followed (a redirect could point anywhere). */
@Component
public class NotificationTransport {

    /** The seed-derived limit: no answer within 15 seconds is a failed delivery. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public record Answer(int status, byte[] body) {}

    public Answer post(String url, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("User-Agent", "Kessai-Notifier")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] answer = response.body();
        return new Answer(response.statusCode(), answer.length > 4096 ? java.util.Arrays.copyOf(answer, 4096) : answer);
    }
}
