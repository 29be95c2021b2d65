package jp.kessai.core.order;

import jp.kessai.platform.secret.AccessPass;

/** How the merchant names an existing order: AccessID, AccessPass and OrderID, all three checked. */
public record OrderRef(String accessId, AccessPass accessPass, String orderId) {}
