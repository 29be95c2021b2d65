package jp.kessai.core.order;

/** How the merchant names an existing order: AccessID, AccessPass and OrderID, all three checked. */
public record OrderRef(String accessId, String accessPass, String orderId) {}
