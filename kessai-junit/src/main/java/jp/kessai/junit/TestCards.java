package jp.kessai.junit;

/**
 * The test cards that every sandbox Kessai has (docs/test-cards.md lists every card and what it produces). Cards made
 * by a test ({@link SandboxCards}) keep tests from sharing balances.
 */
public final class TestCards {

    private TestCards() {}

    /** JCB Preca (JCB PREMO) cards: all have approval number {@link #APPROVAL_NUMBER}. */
    public static final class JcbPreca {
        private JcbPreca() {}

        /** The approval number ({@code ApprovalNo}) of every seeded card, and of the cards {@link SandboxCards} makes. */
        public static final String APPROVAL_NUMBER = "1234";
        /** 100,000 yen at start-up: pays. */
        public static final String PAYS = "9990000000000001";
        /** 500 yen: insufficient balance above 500 yen. */
        public static final String LOW_BALANCE = "9990000000000002";
        /** Term status 1: expired. */
        public static final String EXPIRED = "9990000000000004";
        /** Invalid status 1: an invalid card. */
        public static final String INVALID = "9990000000000006";
    }

    /** NET CASH cards, used on the NET CASH center's payment page. */
    public static final class NetCash {
        private NetCash() {}

        /** 100,000 yen at start-up: pays. */
        public static final String PAYS = "5000000000000001";
        /** 100 yen: not enough for any charge above 100 yen. */
        public static final String LOW_BALANCE = "5000000000000002";
        /** A locked card (利用停止中). */
        public static final String LOCKED = "5000000000000003";
    }

    /** Credit cards on the openapi face: any future expiry month and any security code. */
    public static final class Credit {
        private Credit() {}

        /** VISA, approved. */
        public static final String VISA = "4111111111111111";
        /** MASTERCARD, approved. */
        public static final String MASTERCARD = "5555555555554444";
        /** JCB, approved. */
        public static final String JCB = "3530111333300000";
        /** VISA, {@code 402 card_declined} (G12). */
        public static final String DECLINED = "4000000000000002";
        /** VISA, {@code 402 insufficient_balance} (G02). */
        public static final String INSUFFICIENT_BALANCE = "4000000000009995";
        /** VISA, authorised at the acquirer but the answer is lost: held with an unknown outcome. */
        public static final String TIMEOUT = "4000000000000408";
    }
}
