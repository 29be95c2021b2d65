package jp.kessai.core.threeds;

import java.util.ArrayList;
import java.util.List;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.StateTable;
import jp.kessai.core.order.Transition;

/**
 * The 3-D Secure flow as data, step for step against seed 003's sequences 3Dセキュア認証・自動オーソリあり / なし:
 * 認証初期化 (TDS_ENTRY, the order's own row in the credit table makes it AUTHENTICATED), the browser's 3DS Method
 * step and 認証依頼 (TDS_AUTHENTICATE: frictionless success, a challenge, or failure), チャレンジ判定依頼
 * (TDS_CHALLENGE), then the authorisation (AUTHORIZE, AUTH_AND_CAPTURE or VERIFY: automatic, or the merchant's
 * /tds2/finalize*). PENDING and UNKNOWN rows hold the flow where it is: a call whose answer was lost is asked again
 * (the 3DS server answers by transaction ID), and an authorisation's outcome is settled by the reconciler.
 */
public final class ThreeDsStateTable {

    private static final List<Operation> AUTHORISATIONS = List.of(Operation.AUTHORIZE, Operation.AUTH_AND_CAPTURE,
            Operation.VERIFY);

    public static final StateTable<ThreeDsFlowState> TABLE = new StateTable<>(
            "3-D Secure 2 flow (seed 003 処理シーケンス: 3Dセキュア認証・自動オーソリあり / なし)", rows());

    private ThreeDsStateTable() {}

    private static List<Transition<ThreeDsFlowState>> rows() {
        var rows = new ArrayList<Transition<ThreeDsFlowState>>();
        rows.add(new Transition<>(null, Operation.ENTRY, null, ThreeDsFlowState.INITIATING));
        rows.addAll(Transition.processorCall(ThreeDsFlowState.INITIATING, Operation.TDS_ENTRY, ThreeDsFlowState.METHOD,
                ThreeDsFlowState.FAILED));
        rows.addAll(Transition.processorCall(ThreeDsFlowState.METHOD, Operation.TDS_AUTHENTICATE,
                ThreeDsFlowState.AUTHENTICATED, ThreeDsFlowState.FAILED));
        // ARes transStatus C: the ACS wants a challenge (no outcome yet: the browser goes to the ACS)
        rows.add(new Transition<>(ThreeDsFlowState.METHOD, Operation.TDS_CHALLENGE, null, ThreeDsFlowState.CHALLENGE));
        rows.addAll(Transition.processorCall(ThreeDsFlowState.CHALLENGE, Operation.TDS_CHALLENGE,
                ThreeDsFlowState.AUTHENTICATED, ThreeDsFlowState.FAILED));
        for (Operation authorisation : AUTHORISATIONS) {
            // an authorisation that is declined still finishes the flow: the order says how it ended
            rows.addAll(Transition.processorCall(ThreeDsFlowState.AUTHENTICATED, authorisation,
                    ThreeDsFlowState.FINISHED, ThreeDsFlowState.FINISHED));
        }
        for (ThreeDsFlowState open : List.of(ThreeDsFlowState.INITIATING, ThreeDsFlowState.METHOD,
                ThreeDsFlowState.CHALLENGE, ThreeDsFlowState.AUTHENTICATED)) {
            rows.add(new Transition<>(open, Operation.EXPIRE, null, ThreeDsFlowState.EXPIRED));
        }
        return rows;
    }
}
