import { decodeXmlText } from "./xml-entities";

/**
 * A small streaming XML reader: just enough of XML 1.0 for test reports. It checks
 * well-formedness (tag nesting, quoting, entities) and skips comments, processing
 * instructions and DOCTYPE. Every step is an indexOf or a bounded loop, so hostile input
 * costs linear time, and there is no recursion to overflow.
 */

export type XmlAttributes = ReadonlyMap<string, string>;

/** Callbacks may return a message to stop the scan with an error at the current position. */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, offset: number): string | void;
  close(name: string, offset: number): string | void;
  text(value: string, offset: number): string | void;
}

export interface XmlScanError {
  message: string;
  offset: number;
}

interface OpenElement {
  name: string;
  offset: number;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isNameStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    code === 0x5f || // _
    code === 0x3a || // :
    code >= 0x80
  );
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e;
}

function readName(input: string, start: number): number {
  if (start >= input.length || !isNameStart(input.charCodeAt(start))) return start;
  let j = start + 1;
  while (j < input.length && isNameChar(input.charCodeAt(j))) j++;
  return j;
}

function skipWhitespace(input: string, start: number): number {
  let j = start;
  while (j < input.length && isWhitespace(input.charCodeAt(j))) j++;
  return j;
}

function describeChar(input: string, offset: number): string {
  if (offset >= input.length) return "end of input";
  return `'${input[offset]}'`;
}

/** 1-based line and column of an offset, for error messages. */
export function lineColumnAt(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, input.length);
  for (let i = input.indexOf("\n"); i !== -1 && i < end; i = input.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

// Skips "<!DOCTYPE ...>" including an internal subset in brackets; returns the index after '>' or -1.
function skipDoctype(input: string, start: number): number {
  let depth = 0;
  let quote = 0;
  for (let j = start; j < input.length; j++) {
    const c = input.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b) depth++;
    else if (c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === 0x3e && depth === 0) return j + 1;
  }
  return -1;
}

type TagResult = { ok: true; next: number } | { ok: false; error: XmlScanError };

function fail(message: string, offset: number): { ok: false; error: XmlScanError } {
  return { ok: false, error: { message, offset } };
}

export function scanXml(input: string, handler: XmlHandler): XmlScanError | null {
  const stack: OpenElement[] = [];
  let sawRoot = false;
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0;

  const readStartTag = (at: number): TagResult => {
    const nameEnd = readName(input, at + 1);
    if (nameEnd === at + 1) return fail(`expected an element name after '<' but found ${describeChar(input, at + 1)}`, at + 1);
    const name = input.slice(at + 1, nameEnd);
    if (stack.length === 0 && sawRoot) return fail(`unexpected element <${name}> after the root element`, at);
    const attributes = new Map<string, string>();
    let j = nameEnd;
    for (;;) {
      const afterSpace = skipWhitespace(input, j);
      const c = input.charCodeAt(afterSpace);
      if (c === 0x3e /* > */ || (c === 0x2f /* / */ && input.charCodeAt(afterSpace + 1) === 0x3e)) {
        const selfClosing = c === 0x2f;
        sawRoot = true;
        const stop = handler.open(name, attributes, at);
        if (typeof stop === "string") return fail(stop, at);
        if (selfClosing) {
          const stopClose = handler.close(name, at);
          if (typeof stopClose === "string") return fail(stopClose, at);
        } else {
          stack.push({ name, offset: at });
        }
        return { ok: true, next: afterSpace + (selfClosing ? 2 : 1) };
      }
      if (afterSpace >= input.length) return fail(`unclosed start tag <${name}>: input ends inside it`, at);
      if (c === 0x2f) return fail(`expected '>' after '/' in <${name}>`, afterSpace + 1);
      if (afterSpace === j) return fail(`expected whitespace, '>' or '/>' in <${name}> but found ${describeChar(input, j)}`, j);
      const attrEnd = readName(input, afterSpace);
      if (attrEnd === afterSpace) {
        return fail(`expected an attribute name in <${name}> but found ${describeChar(input, afterSpace)}`, afterSpace);
      }
      const attrName = input.slice(afterSpace, attrEnd);
      const eq = skipWhitespace(input, attrEnd);
      if (input.charCodeAt(eq) !== 0x3d /* = */) {
        return fail(`expected '=' after attribute ${attrName} in <${name}> but found ${describeChar(input, eq)}`, eq);
      }
      const quoteAt = skipWhitespace(input, eq + 1);
      const quote = input.charCodeAt(quoteAt);
      if (quote !== 0x22 && quote !== 0x27) {
        return fail(`expected a quoted value for attribute ${attrName} in <${name}> but found ${describeChar(input, quoteAt)}`, quoteAt);
      }
      const valueEnd = input.indexOf(quote === 0x22 ? '"' : "'", quoteAt + 1);
      if (valueEnd === -1) return fail(`unterminated value of attribute ${attrName} in <${name}>`, quoteAt);
      // Search only inside the value: an indexOf to the end of input per attribute would be quadratic.
      const ltInValue = input.slice(quoteAt + 1, valueEnd).indexOf("<");
      const lt = ltInValue === -1 ? -1 : quoteAt + 1 + ltInValue;
      if (lt !== -1) return fail(`'<' is not allowed in the value of attribute ${attrName} (write &lt;)`, lt);
      const decoded = decodeXmlText(input, quoteAt + 1, valueEnd, true);
      if (!decoded.ok) return fail(`${decoded.message} in attribute ${attrName}`, decoded.offset);
      if (attributes.has(attrName)) return fail(`duplicate attribute ${attrName} in <${name}>`, afterSpace);
      attributes.set(attrName, decoded.value);
      j = valueEnd + 1;
    }
  };

  const readEndTag = (at: number): TagResult => {
    const nameEnd = readName(input, at + 2);
    if (nameEnd === at + 2) return fail(`expected an element name after '</' but found ${describeChar(input, at + 2)}`, at + 2);
    const name = input.slice(at + 2, nameEnd);
    const gt = skipWhitespace(input, nameEnd);
    if (input.charCodeAt(gt) !== 0x3e) return fail(`expected '>' to end </${name}> but found ${describeChar(input, gt)}`, gt);
    const top = stack.pop();
    if (top === undefined) return fail(`closing tag </${name}> has no matching start tag`, at);
    if (top.name !== name) {
      const opened = lineColumnAt(input, top.offset);
      return fail(
        `mismatched closing tag </${name}>: expected </${top.name}> (opened at line ${opened.line}, column ${opened.column})`,
        at,
      );
    }
    const stop = handler.close(name, at);
    if (typeof stop === "string") return fail(stop, at);
    return { ok: true, next: gt + 1 };
  };

  while (i < input.length) {
    const lt = input.indexOf("<", i);
    const textEnd = lt === -1 ? input.length : lt;
    if (textEnd > i) {
      if (stack.length === 0) {
        const firstNonSpace = skipWhitespace(input, i);
        if (firstNonSpace < textEnd) {
          return {
            message: sawRoot
              ? "unexpected text after the root element"
              : `not an XML document: expected '<' but found ${describeChar(input, firstNonSpace)}`,
            offset: firstNonSpace,
          };
        }
      } else {
        const decoded = decodeXmlText(input, i, textEnd, false);
        if (!decoded.ok) return { message: decoded.message, offset: decoded.offset };
        const stop = handler.text(decoded.value, i);
        if (typeof stop === "string") return { message: stop, offset: i };
      }
      i = textEnd;
      continue;
    }

    if (input.startsWith("<?", i)) {
      const end = input.indexOf("?>", i + 2);
      if (end === -1) return { message: "unclosed processing instruction or XML declaration ('<?' without '?>')", offset: i };
      i = end + 2;
    } else if (input.startsWith("<!--", i)) {
      const end = input.indexOf("-->", i + 4);
      if (end === -1) return { message: "unclosed comment ('<!--' without '-->')", offset: i };
      i = end + 3;
    } else if (input.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) return { message: "CDATA section outside the root element", offset: i };
      const end = input.indexOf("]]>", i + 9);
      if (end === -1) return { message: "unclosed CDATA section ('<![CDATA[' without ']]>')", offset: i };
      const stop = handler.text(input.slice(i + 9, end), i);
      if (typeof stop === "string") return { message: stop, offset: i };
      i = end + 3;
    } else if (input.startsWith("<!DOCTYPE", i)) {
      if (sawRoot) return { message: "DOCTYPE is only allowed before the root element", offset: i };
      const end = skipDoctype(input, i + 9);
      if (end === -1) return { message: "unclosed DOCTYPE declaration", offset: i };
      i = end;
    } else if (input.startsWith("<!", i)) {
      return { message: "unsupported markup declaration '<!'", offset: i };
    } else {
      const result = input.startsWith("</", i) ? readEndTag(i) : readStartTag(i);
      if (!result.ok) return result.error;
      i = result.next;
    }
  }

  const unclosed = stack.at(-1);
  if (unclosed !== undefined) {
    const opened = lineColumnAt(input, unclosed.offset);
    return {
      message: `unexpected end of input: <${unclosed.name}> opened at line ${opened.line}, column ${opened.column} is not closed`,
      offset: input.length,
    };
  }
  if (!sawRoot) return { message: "not an XML document: no root element found", offset: input.length };
  return null;
}
