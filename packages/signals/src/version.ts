/** Bump on any change that alters parse results; stored with every parse. */
export const PARSER_VERSION = "signals/2.2.0";
