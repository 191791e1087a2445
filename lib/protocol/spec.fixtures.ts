/** Amounts of the SPEC §9 worked examples, in whole tokens. */
import { ONE } from "./testkit";

export const P = (n: bigint) => n * ONE;
