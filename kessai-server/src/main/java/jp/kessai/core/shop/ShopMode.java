package jp.kessai.core.shop;

/** A shop in TEST mode may use sandbox-only features (test cards, loopback notification URLs when allowed). */
public enum ShopMode {
    TEST,
    PRODUCTION
}
