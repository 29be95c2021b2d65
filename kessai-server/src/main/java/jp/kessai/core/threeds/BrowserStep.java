package jp.kessai.core.threeds;

/** What the customer's browser does next in a 3-D Secure flow; each face renders it. */
public sealed interface BrowserStep {

    /** The 3DS Method step: load {@code methodUrl} (the ACS's) in a hidden frame, then go on to authenticate. */
    record ShowMethod(String token, String methodUrl) implements BrowserStep {}

    /** Go to the ACS's challenge page. */
    record GoToAcs(String url) implements BrowserStep {}

    /** Back to the merchant: the merchant's own callback URL, the transaction and why. */
    record Callback(String callbackUrl, String accessId, CallbackReason reason, String csrfToken) implements BrowserStep {}

    /** The 3DS server could not be reached: the customer may try again (the flow is unchanged). */
    record TryAgain(String token) implements BrowserStep {}

    /** No flow to continue: unknown token, expired, or not ready. No callback (the seed: abandoned flows get none). */
    record Gone(boolean expired) implements BrowserStep {}
}
