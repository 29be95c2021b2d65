package jp.kessai.platform.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Applies {@link InFlightLimit} as early as a request can be told apart: first in the context's pipeline, after Tomcat
 * has parsed the request line and headers and before any filter or servlet runs, so a refused request has had no body
 * read, no database connection, no security check and no log line. The refusal is the face's {@link Refusal#BUSY}
 * answer, with {@code Retry-After: 1}, {@code Cache-Control: no-store} and {@code Connection: close}.
 */
class InFlightValve extends ValveBase {

    private final Supplier<InFlightLimit> limit;
    private final Supplier<FaceErrorPages> pages;
    /** The bean, once looked up (the valve is built before the application's beans are). */
    private volatile InFlightLimit resolved;

    InFlightValve(Supplier<InFlightLimit> limit, Supplier<FaceErrorPages> pages) {
        super(true);
        this.limit = limit;
        this.pages = pages;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        InFlightLimit bound = limit();
        String rawPath = request.getRequestURI();
        InFlightLimit.Lane lane = bound.laneOf(rawPath);
        if (!bound.tryEnter(lane)) {
            bound.refused(lane, rawPath);
            refuse(pages.get().reply(Refusal.BUSY, rawPath), response);
            return;
        }
        var left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                bound.leave(lane);
            }
        };
        boolean async = false;
        try {
            getNext().invoke(request, response);
            if (request.isAsync()) {
                // the request goes on after this thread returns (nothing in Kessai does this today): it stays counted
                // until it completes
                request.getAsyncContext().addListener(new Leaving(leave));
                async = true;
            }
        } finally {
            if (!async) {
                leave.run();
            }
        }
    }

    private InFlightLimit limit() {
        InFlightLimit bound = resolved;
        if (bound == null) {
            bound = limit.get();
            resolved = bound;
        }
        return bound;
    }

    static void refuse(ErrorReply reply, Response response) throws IOException {
        byte[] body = reply.bytes();
        response.setStatus(reply.status());
        response.setContentType(reply.contentType()); // as the face sends it, charset and all
        response.setContentLength(body.length);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        // the connection is closed after the answer: under a storm, a refused client must not keep one of the
        // connections Tomcat admits (server.tomcat.max-connections), each of which holds buffers on the heap, and
        // health checks must be able to connect; its retry connects again (through a load balancer, perhaps to
        // another node)
        response.setHeader("Connection", "close");
        response.getOutputStream().write(body);
    }

    private record Leaving(Runnable leave) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // a new async cycle drops the listeners: stay registered
        }
    }
}
