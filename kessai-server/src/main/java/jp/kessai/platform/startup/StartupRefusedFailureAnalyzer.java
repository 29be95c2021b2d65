package jp.kessai.platform.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link StartupRefused} anywhere in the cause chain as its reason and its fix (META-INF/spring.factories). */
class StartupRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
