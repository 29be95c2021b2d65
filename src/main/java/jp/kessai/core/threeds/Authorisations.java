package jp.kessai.core.threeds;

import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation after a successful authentication, for the browser flow (automatic), the merchant's
 * /tds2/finalize* and the recovery job alike: the credit pipeline's own authorisation step (CreditCharge), fed with
 * the charge as it was accepted (the card number and security code unsealed for the call only). The flow becomes
 * FINISHED in the authorisation's finish transaction; an unknown outcome leaves it AUTHENTICATED for the reconciler
 * and the recovery job.
 */
@Component
class Authorisations {

    private final ThreeDsFlows flows;
    private final CreditCharge charge;
    private final OrderLookup lookup;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final ShopDirectory shops;

    Authorisations(ThreeDsFlows flows, CreditCharge charge, OrderLookup lookup, FieldCipher cipher, JsonMapper json,
            ShopDirectory shops) {
        this.shops = shops;
        this.flows = flows;
        this.charge = charge;
        this.lookup = lookup;
        this.cipher = cipher;
        this.json = json;
    }

    /** The charge as stored with the flow: everything but the card number and the security code. */
    record StoredCommand(String orderId, long amountYen, String clientField1, String clientField2, String clientField3,
            String expiryMonth, String expiryYear, String cardholderName, boolean capture,
            CreditPaymentMethod paymentMethod, Integer installments, String itemCode, String apiVersion,
            String requestDetails) {

        static StoredCommand of(CreditCharge.Command c) {
            ClientFields f = c.clientFields() == null ? ClientFields.NONE : c.clientFields();
            return new StoredCommand(c.orderId(), c.amountYen(), f.field1(), f.field2(), f.field3(), c.expiryMonth(),
                    c.expiryYear(), c.cardholderName(), c.capture(), c.paymentMethod(), c.installments(), c.itemCode(),
                    c.apiVersion(), c.requestDetails());
        }

        CreditCharge.Command with(CardNumber pan, SecurityCode securityCode) {
            return new CreditCharge.Command(orderId, amountYen, new ClientFields(clientField1, clientField2, clientField3),
                    pan, expiryMonth, expiryYear, securityCode, cardholderName, capture, paymentMethod, installments,
                    itemCode, apiVersion, requestDetails);
        }
    }

    String store(CreditCharge.Command command) {
        return json.writeValueAsString(StoredCommand.of(command));
    }

    /** Runs the authorisation of an AUTHENTICATED flow; {@code participant} joins its claim and finish. */
    CreditOutcome authorise(ThreeDsFlow flow, Participant<CreditOutcome> participant) {
        Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElseThrow();
        var sealed = flows.sealedByShopAndOrder(flow.shopPk(), flow.orderPk()).orElseThrow();
        CreditCharge.Command command = json.readValue(sealed.command(), StoredCommand.class).with(
                new CardNumber(cipher.decrypt(sealed.cardNo())),
                sealed.securityCode() == null ? null : new SecurityCode(cipher.decrypt(sealed.securityCode())));
        Participant<CreditOutcome> finishing = new Participant<>() {
            @Override
            public boolean atClaim() {
                return participant.atClaim();
            }

            @Override
            public void atFinish(CreditOutcome outcome) {
                var after = outcome.transaction() == null ? null : outcome.transaction().order();
                if (after != null && after.status() != OrderStatus.AUTHENTICATED) {
                    flows.finished(flow.orderPk());
                }
                participant.atFinish(outcome);
            }
        };
        Shop shop = shops.findById(flow.shopPk()).orElseThrow();
        return flow.kind() == FlowKind.CHARGE ? charge.authorizeAuthenticated(shop, order, command, finishing)
                : charge.verifyAuthenticated(shop, order, command, finishing);
    }

    /** After an authorisation's outcome was settled elsewhere (the reconciler): the flow is finished. */
    void finishIfSettled(ThreeDsFlow flow) {
        lookup.byId(flow.shopPk(), flow.orderPk())
                .filter(order -> !order.held() && order.status() != OrderStatus.AUTHENTICATED)
                .ifPresent(order -> flows.finished(flow.orderPk()));
    }

    static boolean unknown(CreditOutcome outcome) {
        return outcome.code() == ResultCode.PROCESSOR_OUTCOME_UNKNOWN;
    }
}
