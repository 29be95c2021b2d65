package jp.kessai.processor.netcash.simulator;

import java.util.List;

/** Seeded sandbox NET CASH cards (docs/test-cards.md lists the same). */
public final class NetCashTestCards {

    private NetCashTestCards() {}

    public static List<NetCashCard> all() {
        return List.of(
                new NetCashCard("5000000000000001", 100_000, false), // pays
                new NetCashCard("5000000000000002", 100, false),     // balance too small for most payments
                new NetCashCard("5000000000000003", 100_000, true),  // locked card
                new NetCashCard("5000000000000009", 99_999_999, false)); // large balance
    }
}
