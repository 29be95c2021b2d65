package jp.kessai.core.threeds;

import java.util.List;
import java.util.Optional;
import jp.kessai.core.ResultCode;
import jp.kessai.core.credit.CardEntry;
import jp.kessai.core.credit.CreditCharge;
import jp.kessai.core.credit.CreditOutcome;
import jp.kessai.core.credit.CreditPaymentMethod;
import jp.kessai.core.credit.CreditVerification.VerificationOutcome;
import jp.kessai.core.order.AttemptState;
import jp.kessai.core.order.ClientFields;
import jp.kessai.core.order.Operation;
import jp.kessai.core.order.Order;
import jp.kessai.core.order.OrderLookup;
import jp.kessai.core.order.OrderStatus;
import jp.kessai.core.order.Participant;
import jp.kessai.core.shop.Shop;
import jp.kessai.core.shop.ShopDirectory;
import jp.kessai.core.threeds.internal.ThreeDsFlows;
import jp.kessai.core.vault.CardData;
import jp.kessai.core.vault.StoreOptions;
import jp.kessai.core.vault.StoreResult;
import jp.kessai.core.vault.Vault;
import jp.kessai.platform.crypto.FieldCipher;
import jp.kessai.platform.secret.CardNumber;
import jp.kessai.platform.secret.SecurityCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation after a successful authentication, for the browser flow (automatic), the merchant's
 * /tds2/finalize* and the recovery job alike: the credit pipeline's own authorisation step (CreditCharge), fed with
 * the charge as it was accepted (the card number and security code unsealed for the call only). The flow becomes
 * FINISHED in the authorisation's finish transaction; an unknown outcome leaves it AUTHENTICATED for the reconciler
 * and the recovery job.
 *
 * <p>A flow started from a stored card or asked to store the card carries {@link OnFile}: once the authorisation
 * succeeded, in its finish transaction, the verified card is stored ({@code onfileCardOptions} of /credit/verifyCard)
 * and a cardholder name given with the request replaces the stored one, as the flows without 3-D Secure do.
 */
@Component
class Authorisations {

    private final ThreeDsFlows flows;
    private final CreditCharge charge;
    private final OrderLookup lookup;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final ShopDirectory shops;
    private final Vault vault;
    private final TransactionTemplate tx;

    Authorisations(ThreeDsFlows flows, CreditCharge charge, OrderLookup lookup, FieldCipher cipher, JsonMapper json,
            ShopDirectory shops, Vault vault, TransactionTemplate tx) {
        this.tx = tx;
        this.shops = shops;
        this.vault = vault;
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
            String requestDetails, OnFile onFile, CardEntry entry) {

        static StoredCommand of(CreditCharge.Command c, OnFile onFile) {
            ClientFields f = c.clientFields() == null ? ClientFields.NONE : c.clientFields();
            return new StoredCommand(c.orderId(), c.amountYen(), f.field1(), f.field2(), f.field3(), c.expiryMonth(),
                    c.expiryYear(), c.cardholderName(), c.capture(), c.paymentMethod(), c.installments(), c.itemCode(),
                    c.apiVersion(), c.requestDetails(), onFile == null || onFile.empty() ? null : onFile, c.entry());
        }

        CreditCharge.Command with(CardNumber pan, SecurityCode securityCode) {
            return new CreditCharge.Command(orderId, amountYen, new ClientFields(clientField1, clientField2, clientField3),
                    pan, expiryMonth, expiryYear, securityCode, cardholderName, capture, paymentMethod, installments,
                    itemCode, apiVersion, requestDetails, entry == null ? CardEntry.CARD_DATA : entry);
        }
    }

    /**
     * What a flow does with the vault after a successful authorisation: store the card ({@code store}, verification
     * only), and replace the stored card's holder name ({@code memberId}, {@code cardId}, {@code cardholderName},
     * when the request named a stored card and gave a name). No card data here: the number stays sealed in the flow.
     */
    record OnFile(StoreOptions store, String memberId, Integer cardId, String cardholderName) {

        static final OnFile NONE = new OnFile(null, null, null, null);

        boolean empty() {
            return store == null && (memberId == null || cardId == null || cardholderName == null);
        }
    }

    String store(CreditCharge.Command command) {
        return store(command, OnFile.NONE);
    }

    String store(CreditCharge.Command command, OnFile onFile) {
        return json.writeValueAsString(StoredCommand.of(command, onFile));
    }

    /** Runs the authorisation of an AUTHENTICATED flow; {@code participant} joins its claim and finish. */
    CreditOutcome authorise(ThreeDsFlow flow, Participant<CreditOutcome> participant) {
        return authoriseStoring(flow, participant.mapping(VerificationOutcome::credit)).credit();
    }

    /**
     * As {@link #authorise}, with what was stored in the vault after the authorisation (or why the vault refused):
     * for /tds2/finalizeVerification, whose answer shows onfileCardResult.
     */
    VerificationOutcome authoriseStoring(ThreeDsFlow flow, Participant<VerificationOutcome> participant) {
        Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElseThrow();
        var sealed = flows.sealedByShopAndOrder(flow.shopPk(), flow.orderPk()).orElseThrow();
        StoredCommand stored = json.readValue(sealed.command(), StoredCommand.class);
        CreditCharge.Command command = stored.with(new CardNumber(cipher.decrypt(sealed.cardNo())),
                sealed.securityCode() == null ? null : new SecurityCode(cipher.decrypt(sealed.securityCode())));
        OnFile onFile = stored.onFile() == null ? OnFile.NONE : stored.onFile();
        Shop shop = shops.findById(flow.shopPk()).orElseThrow();
        VerificationOutcome[] result = new VerificationOutcome[1];
        // the mapping runs in the finish transaction: the flow's end and the vault work commit with the authorisation
        Participant<CreditOutcome> finishing = participant.mapping(outcome -> {
            var after = outcome.transaction() == null ? null : outcome.transaction().order();
            if (after != null && after.status() != OrderStatus.AUTHENTICATED) {
                flows.finished(flow.orderPk());
            }
            result[0] = outcome.ok() ? vaultWork(shop, flow, command, onFile, outcome)
                    : new VerificationOutcome(outcome, null, null);
            return result[0];
        });
        CreditOutcome outcome = flow.kind() == FlowKind.CHARGE
                ? charge.authorizeAuthenticated(shop, order, command, finishing)
                : charge.verifyAuthenticated(shop, order, command, finishing);
        return result[0] == null ? new VerificationOutcome(outcome, null, null)
                : new VerificationOutcome(outcome, result[0].stored(), result[0].storeRefusal());
    }

    /**
     * What an approved authorisation does in its finish transaction besides the order: the card stored when a
     * verification asked for it (what was stored, or why the vault refused), and the stored card's holder name
     * replaced when the request named a stored card and gave a name.
     */
    private VerificationOutcome vaultWork(Shop shop, ThreeDsFlow flow, CreditCharge.Command command, OnFile onFile,
            CreditOutcome outcome) {
        StoreResult storedCard = null;
        ResultCode refusal = null;
        if (onFile.store() != null && flow.kind() == FlowKind.VERIFICATION) {
            var card = new CardData(command.pan(), command.expiryMonth(), command.expiryYear(), command.cardholderName());
            var vaulted = vault.store(shop, card, onFile.store(), Participant.none());
            storedCard = vaulted.value();
            refusal = vaulted.ok() ? null : vaulted.code();
        }
        if (onFile.memberId() != null && onFile.cardId() != null && onFile.cardholderName() != null) {
            vault.updateCardholderName(shop, onFile.memberId(), onFile.cardId(), onFile.cardholderName());
        }
        return new VerificationOutcome(outcome, storedCard, refusal);
    }

    /**
     * The finish's own work for an authorisation the reconciler settled — its finish never ran: the node died, or the
     * database went away, between the claim and the finish — done now: the flow FINISHED and, when the authorisation
     * was approved ({@code approved}), the vault work ({@link #vaultWork}) with {@code outcome} as its result, in one
     * transaction and once (the flow's move from AUTHENTICATED decides who does it). Empty when the order is still
     * AUTHENTICATED or held (nothing settled) or the flow had moved on already (its finish, or this, ran before).
     * {@code participant} joins that transaction with the result (the retry's idempotency record: its answer is
     * stored with the card, so a retry after a failure here gets it too).
     */
    Optional<VerificationOutcome> completeSettled(ThreeDsFlow flow, boolean approved, CreditOutcome outcome,
            Participant<VerificationOutcome> participant) {
        return tx.execute(status -> {
            Order order = lookup.byId(flow.shopPk(), flow.orderPk()).orElse(null);
            if (order == null || order.held() || order.status() == OrderStatus.AUTHENTICATED) {
                return Optional.<VerificationOutcome>empty();
            }
            var sealed = flows.sealedByShopAndOrder(flow.shopPk(), flow.orderPk()).orElse(null);
            if (sealed == null || flows.finished(flow.orderPk()).isEmpty()) {
                return Optional.<VerificationOutcome>empty();
            }
            VerificationOutcome completed;
            if (approved) {
                StoredCommand stored = json.readValue(sealed.command(), StoredCommand.class);
                CreditCharge.Command command = stored.with(new CardNumber(cipher.decrypt(sealed.cardNo())), null);
                OnFile onFile = stored.onFile() == null ? OnFile.NONE : stored.onFile();
                Shop shop = shops.findById(flow.shopPk()).orElseThrow();
                completed = vaultWork(shop, flow, command, onFile, outcome);
            } else {
                completed = new VerificationOutcome(outcome, null, null);
            }
            participant.atFinish(completed);
            return Optional.of(completed);
        });
    }

    /**
     * After an authorisation's outcome was settled elsewhere (the reconciler): the flow is finished, with the vault
     * work its finish would have done when the journal shows the authorisation approved.
     */
    void finishIfSettled(ThreeDsFlow flow) {
        lookup.byId(flow.shopPk(), flow.orderPk()).ifPresent(order -> {
            boolean approved = lookup.lastAttempt(order)
                    .filter(last -> AUTHORISATIONS.contains(last.operation()) && last.state() == AttemptState.SUCCEEDED)
                    .isPresent();
            completeSettled(flow, approved, new CreditOutcome(approved ? ResultCode.OK : ResultCode.INVALID_STATUS,
                    null, null), Participant.none());
        });
    }

    /** The operations that authorise after authentication (a charge's, or a verification's). */
    static final List<Operation> AUTHORISATIONS = List.of(Operation.AUTHORIZE,
            Operation.AUTH_AND_CAPTURE, Operation.VERIFY);

    static boolean unknown(CreditOutcome outcome) {
        return outcome.code() == ResultCode.PROCESSOR_OUTCOME_UNKNOWN;
    }
}
