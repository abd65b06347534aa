import type { ComponentProps, ReactNode } from "react";
import { isValidElement } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { createSlugger } from "./heading-slugs";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** Only web and mail links survive; anything else (javascript:, data:, vbscript:) loses its href. */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  if (href.startsWith("#") || href.startsWith("/")) return href;
  return /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

function headingComponents(): Components {
  const slug = createSlugger();
  const heading = (Tag: "h1" | "h2" | "h3" | "h4", className: string) => {
    function Heading({ children }: ComponentProps<"h2">) {
      return (
        <Tag id={slug(textOf(children))} className={`scroll-mt-16 ${className}`}>
          {children}
        </Tag>
      );
    }
    return Heading;
  };
  return {
    h1: heading("h1", "mb-4 mt-2 text-2xl font-semibold tracking-tight"),
    h2: heading("h2", "mb-3 mt-10 border-b border-zinc-200 pb-1 text-xl font-semibold tracking-tight dark:border-zinc-800"),
    h3: heading("h3", "mb-2 mt-7 text-base font-semibold"),
    h4: heading("h4", "mb-2 mt-5 text-sm font-semibold"),
  };
}

const BASE: Components = {
  p: ({ children }) => <p className="my-3 leading-7">{children}</p>,
  a: ({ href, children }) => {
    const safe = safeHref(href);
    return safe ? (
      <a href={safe} rel="noopener noreferrer nofollow" className="font-medium underline underline-offset-4">
        {children}
      </a>
    ) : (
      <span title="Link removed: only http(s) and mailto links are kept" className="underline decoration-dotted underline-offset-4">
        {children}
      </span>
    );
  },
  ul: ({ children, className }) => <ul className={`my-3 pl-6 ${className?.includes("contains-task-list") ? "list-none pl-1" : "list-disc"}`}>{children}</ul>,
  ol: ({ children }) => <ol className="my-3 list-decimal pl-6">{children}</ol>,
  li: ({ children }) => <li className="my-1 leading-7">{children}</li>,
  blockquote: ({ children }) => <blockquote className="my-4 border-l-2 border-zinc-300 pl-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</blockquote>,
  code: ({ children, className }) => (className ? <code className={`${className} font-mono text-[13px]`}>{children}</code> : <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[13px] dark:bg-zinc-800">{children}</code>),
  pre: ({ children }) => <pre className="my-4 overflow-x-auto rounded-md bg-zinc-100 p-3 text-[13px] leading-6 dark:bg-zinc-900">{children}</pre>,
  table: ({ children }) => (
    <div className="my-4 overflow-x-auto">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border-b border-zinc-300 px-2 py-1.5 text-left font-medium dark:border-zinc-700">{children}</th>,
  td: ({ children }) => <td className="border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800">{children}</td>,
  hr: () => <hr className="my-8 border-zinc-200 dark:border-zinc-800" />,
  // Images could carry tracking or data: URLs; the alt text says what was there.
  img: ({ alt }) => <span className="text-zinc-500">[image{alt ? `: ${alt}` : ""}]</span>,
};

/**
 * Renders an imported document. No raw HTML is ever executed: react-markdown does not turn
 * HTML into elements, rehype-sanitize strips what is left (scripts, event handlers), and
 * links keep their href only when it is http(s), mailto or in-page.
 */
export function SummaryMarkdown({ markdown }: { markdown: string }) {
  return (
    <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={{ ...BASE, ...headingComponents() }} skipHtml>
      {markdown}
    </Markdown>
  );
}
