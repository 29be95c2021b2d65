package jp.kessai.core.shop;

import java.util.List;
import java.util.Map;

/**
 * Per-shop settings, stored as one JSON document. Later capabilities add their fields here (notification URLs,
 * retry intervals, stop windows, …); absent fields (older rows) take the defaults below.
 *
 * @param jcbPrecaContracted whether the shop has the JCB Preca (JCB PREMO) contract
 * @param passwordAuthAllowed whether the OpenAPI type's business endpoints accept Basic (ShopID:ShopPass); when
 *     false only Bearer tokens are accepted there ({@code /token} always takes Basic)
 * @param ipAllowlists per endpoint path (e.g. {@code /credit/charge}, {@code /token}): the addresses or CIDR ranges
 *     allowed to call it; an endpoint without an entry (or with an empty list) is open to any address
 * @param concurrencyLimits per endpoint path: in-flight request limit overriding the seed's default (5, or 10 for
 *     {@code /order/*})
 * @param pciDssCompliant whether the shop may send card data directly (PCI DSS certified merchant)
 * @param creditContracted whether the shop has a credit card contract
 * @param installmentCounts the installment counts (分割回数) the shop's card contract allows; empty = no
 *     installment contract
 * @param bonusContracted whether BONUS_ONE_TIME (ボーナス一括) is contracted
 * @param revolvingContracted whether REVOLVING (リボ) is contracted
 */
public record ShopSettings(
        boolean jcbPrecaContracted,
        Boolean passwordAuthAllowed,
        Map<String, List<String>> ipAllowlists,
        Map<String, Integer> concurrencyLimits,
        Boolean pciDssCompliant,
        Boolean creditContracted,
        List<Integer> installmentCounts,
        Boolean bonusContracted,
        Boolean revolvingContracted) {

    /** The installment counts a typical Japanese card contract offers; used by the sandbox demo shop. */
    public static final List<Integer> STANDARD_INSTALLMENTS = List.of(3, 5, 6, 10, 12, 15, 18, 20, 24);

    public ShopSettings {
        passwordAuthAllowed = passwordAuthAllowed == null || passwordAuthAllowed;
        ipAllowlists = ipAllowlists == null ? Map.of() : Map.copyOf(ipAllowlists);
        concurrencyLimits = concurrencyLimits == null ? Map.of() : Map.copyOf(concurrencyLimits);
        pciDssCompliant = pciDssCompliant != null && pciDssCompliant;
        creditContracted = creditContracted == null || creditContracted;
        installmentCounts = installmentCounts == null ? List.of() : List.copyOf(installmentCounts);
        bonusContracted = bonusContracted != null && bonusContracted;
        revolvingContracted = revolvingContracted != null && revolvingContracted;
    }

    public ShopSettings(boolean jcbPrecaContracted) {
        this(jcbPrecaContracted, null, null, null, null, null, null, null, null);
    }

    public static ShopSettings defaults() {
        return new ShopSettings(true);
    }

    /** The sandbox demo shop: PCI DSS flagged and contracted for every credit payment method. */
    public ShopSettings withEverythingContracted() {
        return new ShopSettings(jcbPrecaContracted, passwordAuthAllowed, ipAllowlists, concurrencyLimits, true, true,
                STANDARD_INSTALLMENTS, true, true);
    }

    public ShopSettings withOpenApiAccess(boolean passwordAuth, Map<String, List<String>> allowlists,
            Map<String, Integer> limits) {
        return new ShopSettings(jcbPrecaContracted, passwordAuth, allowlists, limits, pciDssCompliant,
                creditContracted, installmentCounts, bonusContracted, revolvingContracted);
    }
}
