"use client";

import dynamic from "next/dynamic";

/**
 * ErrorSentence whose code (lib/errors: every contract error's sentence and the errors ABI) loads only once an error
 * is shown: for what every route's layout renders (the wrong-network banner, the local chain's time travel).
 */
export const LazyErrorSentence = dynamic(() => import("@/components/layout/ErrorSentence"));
