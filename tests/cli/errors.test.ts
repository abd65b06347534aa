import { describe, expect, it } from "vitest";
import { detailLines, formatError, issueList } from "@/cli/errors";
import { ApiError, CliError } from "@/cli/http";

describe("formatError", () => {
  it("prints the API's code, status and message, then each field issue, and exits 1", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "The body is not valid.", {
      issues: [
        { path: "toPhase", message: "toPhase is required" },
        { path: "", message: "Unrecognized key: \"phase\"" },
      ],
    });
    expect(formatError(error)).toEqual({
      text: ["gateboard: VALIDATION_FAILED (HTTP 400): The body is not valid.", "  - toPhase: toPhase is required", '  - input: Unrecognized key: "phase"'].join("\n"),
      exitCode: 1,
    });
  });

  it("names the facts a refusal carries, such as the open gate request", () => {
    const error = new ApiError(409, "GATE_PENDING", "gb-a3f8 waits for a gate.", { gateRequestId: "req-1", needs: ["a passing JUnit report"] });
    expect(formatError(error).text).toBe(
      ["gateboard: GATE_PENDING (HTTP 409): gb-a3f8 waits for a gate.", "  gateRequestId: req-1", '  needs: ["a passing JUnit report"]'].join("\n"),
    );
  });

  it("lists line errors of an import by line number", () => {
    expect(detailLines({ errors: [{ line: 3, message: "No phase checklist" }, { line: 9, message: "Unclosed table" }], warnings: [] })).toEqual([
      "  - line 3: No phase checklist",
      "  - line 9: Unclosed table",
    ]);
  });

  it("exits 2 for problems on this side: configuration, files, the network", () => {
    expect(formatError(new CliError("GATEBOARD_URL is not set."))).toEqual({ text: "gateboard: GATEBOARD_URL is not set.", exitCode: 2 });
  });
});

describe("issueList", () => {
  it("flattens zod's error tree into dotted paths", () => {
    const tree = { errors: ["Bad ticket"], properties: { title: { errors: ["Title is required"] }, labels: { errors: [], items: [undefined, { errors: ["Labels cannot be empty"] }] } } };
    expect(issueList(tree)).toEqual([
      { path: "", message: "Bad ticket" },
      { path: "title", message: "Title is required" },
      { path: "labels.1", message: "Labels cannot be empty" },
    ]);
  });
});
