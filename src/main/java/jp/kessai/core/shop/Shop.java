package jp.kessai.core.shop;

/**
 * A merchant's shop as the core sees it. The password is deliberately absent: it stays encrypted in storage and is
 * only ever compared (or later used as a key) inside {@link ShopDirectory}.
 */
public record Shop(long id, String shopId, String robotAid, ShopMode mode, ShopSettings settings) {}
