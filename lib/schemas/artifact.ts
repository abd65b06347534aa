import { z } from "zod";
import { artifactKindSchema } from "./gate";

/** Evidence attached to a ticket. The content limit keeps one artifact well inside a request. */
export const MAX_ARTIFACT_CHARS = 900_000;

export const attachArtifactSchema = z
  .object({
    kind: artifactKindSchema.describe('What the evidence is: "junit", "typecheck", "review-notes", "diff-summary", "log", "link", …'),
    format: z.enum(["text", "json", "junit", "link"]).describe("How to read the content: text, json, junit (JUnit XML) or link (url)"),
    name: z.string().trim().max(200).optional(),
    content: z.string().max(MAX_ARTIFACT_CHARS, `content is at most ${MAX_ARTIFACT_CHARS} characters`).optional(),
    url: z.url({ protocol: /^https?$/, error: "url must be an http(s) address" }).max(2_000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.format === "link" && !value.url) ctx.addIssue({ code: "custom", path: ["url"], message: "A link artifact needs a url" });
    if (value.format !== "link" && !value.content) ctx.addIssue({ code: "custom", path: ["content"], message: `A ${value.format} artifact needs content` });
  });

export type AttachArtifactInput = z.input<typeof attachArtifactSchema>;
