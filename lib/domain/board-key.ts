/** A board key is the ticket id prefix: short, lower-case, no dash (ids are key-hex). */
export const BOARD_KEY_PATTERN = /^[a-z][a-z0-9]{1,9}$/;
