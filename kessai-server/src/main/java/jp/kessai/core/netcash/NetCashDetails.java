package jp.kessai.core.netcash;

import java.time.Instant;
import jp.kessai.core.ResultCode;

/** NET CASH's own order data; {@code failure} is why the payment failed (PAYFAIL), or null. */
public record NetCashDetails(String retUrl, String netCashPayType, Instant payDeadline, ResultCode failure) {}
