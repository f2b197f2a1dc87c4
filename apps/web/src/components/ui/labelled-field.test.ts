import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SelectField } from "./select-field";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";

// What assistive technology relies on: each control is named by its label (for = id) and, when
// there is a hint, described by it (aria-describedby = the hint's id). The admin forms and the auth
// forms all build on these three.

/** The attributes of every `tag` element in static markup (flat, well-formed, double-quoted). */
function attributesOf(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))) {
    const attributes: Record<string, string> = {};
    for (const pair of (match[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)) {
      attributes[pair[1] ?? ""] = pair[2] ?? "";
    }
    found.push(attributes);
  }
  return found;
}

describe("labelled form fields", () => {
  it("TextField: the label names the input, the hint describes it", () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        label: "Purchase URL",
        name: "tier-purchase-url",
        hint: "The Sell.app checkout, https:// only.",
        type: "url",
        value: "",
        readOnly: true,
      }),
    );
    expect(attributesOf(html, "label").map((label) => label.for)).toEqual([
      "field-tier-purchase-url",
    ]);
    const [input] = attributesOf(html, "input");
    expect(input).toMatchObject({
      id: "field-tier-purchase-url",
      name: "tier-purchase-url",
      type: "url",
      "aria-describedby": "field-tier-purchase-url-hint",
    });
    expect(attributesOf(html, "p").map((hint) => hint.id)).toEqual([
      "field-tier-purchase-url-hint",
    ]);
    expect(html).toContain(">The Sell.app checkout, https:// only.</p>");
  });

  it("TextField without a hint has no aria-describedby pointing at nothing", () => {
    const html = renderToStaticMarkup(
      createElement(TextField, { label: "Name", name: "tier-name", value: "", readOnly: true }),
    );
    expect(attributesOf(html, "input")[0]).not.toHaveProperty("aria-describedby");
    expect(attributesOf(html, "p")).toEqual([]);
  });

  it("TextAreaField: labelled, two rows unless told", () => {
    const html = renderToStaticMarkup(
      createElement(TextAreaField, {
        label: "Description",
        name: "tier-description",
        value: "",
        readOnly: true,
      }),
    );
    expect(attributesOf(html, "label")[0]).toMatchObject({ for: "field-tier-description" });
    expect(attributesOf(html, "textarea")[0]).toMatchObject({
      id: "field-tier-description",
      name: "tier-description",
      rows: "2",
    });
    expect(attributesOf(html, "textarea")[0]).not.toHaveProperty("aria-describedby");
  });

  it("SelectField: labelled, one option per choice with its reading", () => {
    const html = renderToStaticMarkup(
      createElement(SelectField<"" | "long" | "short">, {
        id: "sig-side",
        label: "Side",
        value: "long",
        options: [
          { value: "", label: "—" },
          { value: "long", label: "long" },
          { value: "short", label: "short" },
        ],
        onChange: () => undefined,
      }),
    );
    expect(attributesOf(html, "label")[0]).toMatchObject({ for: "sig-side" });
    expect(attributesOf(html, "select")[0]).toMatchObject({ id: "sig-side" });
    expect(attributesOf(html, "option").map((option) => option.value)).toEqual([
      "",
      "long",
      "short",
    ]);
    expect(html).toContain('<option value="long" selected="">long</option>');
    expect(html).toContain('<option value="">—</option>');
  });
});
