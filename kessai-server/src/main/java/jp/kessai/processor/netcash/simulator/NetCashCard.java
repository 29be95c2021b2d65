package jp.kessai.processor.netcash.simulator;

/** A NET CASH card on the simulated center's books (sandbox data). */
public record NetCashCard(String cardNo, long balanceYen, boolean locked) {

    @Override
    public String toString() {
        return "NetCashCard[****" + cardNo.substring(Math.max(0, cardNo.length() - 4)) + ", balance=" + balanceYen + "]";
    }
}
