/**
 * How the catalog writes numbers of money, as patterns every reader shares. Zod-free, so that
 * browser islands can check text without shipping a schema library.
 */

/** A non-negative decimal written out in full: "0.54", "12", "0.0000002"; never "1e-7", ".5" or "-1". */
export const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A discount: a fraction from 0 up to, not including, 1 ("0.2" is 20 % off every price). A discount
 * of 1 would make a paid model free and one above 1 would make prices negative, so neither is a
 * discount anyone sells.
 */
export const DISCOUNT_FRACTION = /^0(\.\d+)?$/;
