// The architecture-review document as plain data: sections that answer a review's questions in order,
// each made of paragraphs, tables, lists, findings and figures. One structure; Markdown, HTML (and PDF
// from the HTML) are renderings of it (review-markdown.ts, review-html.ts).

export type ReviewBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Per column; default left. */
      readonly align?: readonly ('left' | 'right')[];
    }
  | {
      readonly kind: 'figure';
      /** File-name stem for renderings that keep images beside the document (`blast-cross-org-shared`). */
      readonly name: string;
      readonly caption: string;
      /** A complete, standalone SVG document. */
      readonly svg: string;
      /** The same what-if as a Mermaid flowchart (reached nodes only), or null. */
      readonly mermaid: string | null;
    }
  | {
      readonly kind: 'finding';
      readonly severity: 'error' | 'warning' | 'note';
      readonly id: string;
      readonly message: string;
      readonly fix: string;
      /** `file:line:column`. */
      readonly location: string;
    };

export interface ReviewSection {
  readonly heading: string;
  /** The review question the section answers, in one line. */
  readonly question: string;
  readonly blocks: readonly ReviewBlock[];
}

export interface Review {
  readonly title: string;
  /** One line under the title: models compared, scenario, date-free (output is deterministic). */
  readonly subtitle: string;
  readonly sections: readonly ReviewSection[];
}
