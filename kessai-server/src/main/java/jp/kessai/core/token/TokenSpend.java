package jp.kessai.core.token;

import jp.kessai.core.ResultCode;
import jp.kessai.core.order.OperationRunner;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;

/**
 * Uses an MP token up in the claim transaction of the operation that uses its card, so that the token and the order
 * commit together: a request that never claims (refused, or cut off by a crash or a lost database before its claim)
 * leaves the token usable for its retry, and a request whose claim committed is answered from its order. Of two
 * operations claiming with one token, the second finds it spent and its claim is rolled back with the token's code
 * ({@link ResultCode#CARD_TOKEN_USED}). Printing it masks the token.
 *
 * <p>An order's processor call that was never answered (the node died after the claim; a lost connection; an unknown
 * outcome the reconciler later settles as failed) keeps the token's sealed card data for that order alone: the
 * merchant's retry of the same order charges again with the same token. Once the processor answers, the data is
 * erased and the token is gone, as a declined charge's is.
 */
public final class TokenSpend {

    /** For a card that is not behind an MP token: joins nothing. */
    public static final TokenSpend NONE = new TokenSpend(null, null, null);

    private final CardTokens tokens;
    private final Shop shop;
    private final String token;

    TokenSpend(CardTokens tokens, Shop shop, String token) {
        this.tokens = tokens;
        this.shop = shop;
        this.token = token;
    }

    /**
     * {@code inner} with the token spent first at the claim of {@code orderId}'s processor call, its card data erased
     * at the finish if the processor answered.
     */
    public <A, D> Participant<OperationRunner.Run<A, D>> joiningCall(String orderId,
            Participant<OperationRunner.Run<A, D>> inner) {
        if (token == null) {
            return inner;
        }
        return new Spending<>(orderId, inner) {
            @Override
            public void atFinish(OperationRunner.Run<A, D> run) {
                if (run.answer() != null) {
                    tokens.eraseSpent(shop, token);
                }
                inner.atFinish(run);
            }
        };
    }

    /** {@code inner} with the token spent and its card data erased at the claim of a change without a processor call. */
    public <R> Participant<R> joining(Participant<R> inner) {
        return token == null ? inner : new Spending<>(null, inner);
    }

    private class Spending<R> implements Participant<R> {

        private final String orderId;
        private final Participant<R> inner;
        private ResultCode refused;

        Spending(String orderId, Participant<R> inner) {
            this.orderId = orderId;
            this.inner = inner;
        }

        @Override
        public boolean atClaim() {
            refused = tokens.spend(shop, token, orderId, orderId != null);
            return refused == null && inner.atClaim();
        }

        @Override
        public ResultCode refusal() {
            return refused != null ? refused : inner.refusal();
        }

        @Override
        public void atFinish(R result) {
            inner.atFinish(result);
        }
    }

    @Override
    public String toString() {
        return token == null ? "TokenSpend[none]" : "TokenSpend[****]";
    }
}
