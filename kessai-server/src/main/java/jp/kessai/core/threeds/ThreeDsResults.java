package jp.kessai.core.threeds;

import java.util.Optional;
import jp.kessai.core.order.Order;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import org.springframework.stereotype.Service;

/** The 3-D Secure side of a transaction, for the faces' views (useTds2, tds2Result). A read. */
@Service
public class ThreeDsResults {

    private final ThreeDsFlows flows;

    ThreeDsResults(ThreeDsFlows flows) {
        this.flows = flows;
    }

    /** The order's flow, if it went through 3-D Secure. */
    public Optional<ThreeDsFlow> flowOf(Order order) {
        return flows.findByShopAndOrder(order.shopPk(), order.id());
    }

    /** The authentication result of the order, once the 3DS server gave one. */
    public Optional<ThreeDsResult> resultOf(Order order) {
        return flowOf(order).map(ThreeDsFlow::result);
    }
}
