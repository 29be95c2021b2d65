package jp.kessai.core.credit;

/** 支払方法: 一括, 分割, ボーナス一括, リボ. */
public enum CreditPaymentMethod {
    ONE_TIME,
    INSTALLMENT,
    BONUS_ONE_TIME,
    REVOLVING
}
