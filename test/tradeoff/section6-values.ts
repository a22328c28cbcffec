// Values of THEORY §6 (eta = 1/20) shared by the tradeoff tests.

/** The least n >= 10^6 from which matching is optimal, with the exact-ceiling bounds. */
export const N0 = 7966098098981n;
