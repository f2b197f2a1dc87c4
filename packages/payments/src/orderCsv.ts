/**
 * Sell.app's order export (CSV) → v2-order-shaped objects, for stores whose API we cannot use.
 * The export's exact header names are not documented, so columns are matched by normalized name
 * with the aliases below (case, spaces, underscores and dashes ignored); only id, status and email
 * are required. Every row is validated; a bad row is reported with its line number and skipped.
 */

export type CsvOrder = {
  id: string;
  status: string;
  created_at?: string;
  updated_at?: string;
  customer: { email: string; id?: string };
  line_items: { product_id?: string; product_variant_id?: string; subscription_id?: string }[];
};

export type CsvParseResult = {
  orders: CsvOrder[];
  errors: { line: number; reason: string }[];
  /** Columns recognised, by our name. */
  columns: string[];
};

const COLUMNS = {
  id: ["id", "orderid", "invoiceid", "order", "invoice"],
  status: ["status", "orderstatus", "paymentstatus"],
  email: ["email", "customeremail", "customer", "buyeremail"],
  customerId: ["customerid"],
  productId: ["productid"],
  variantId: ["variantid", "productvariantid"],
  subscriptionId: ["subscriptionid"],
  createdAt: ["createdat", "created", "date", "orderdate"],
  updatedAt: ["updatedat", "updated", "completedat", "paidat"],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["id", "status", "email"];
export const CSV_MAX_ROWS = 50_000;

const normalize = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, "");

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF, commas inside quotes. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

function isTime(value: string): boolean {
  return /^\d+$/.test(value) || !Number.isNaN(Date.parse(value));
}

export function parseSellappOrderCsv(text: string): CsvParseResult {
  const rows = csvRows(text);
  const header = rows[0];
  if (header === undefined) {
    return { orders: [], errors: [{ line: 1, reason: "empty file" }], columns: [] };
  }
  const index = new Map<Column, number>();
  header.forEach((name, position) => {
    const key = normalize(name);
    for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (!index.has(column) && aliases.includes(key)) index.set(column, position);
    }
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    return {
      orders: [],
      errors: [
        { line: 1, reason: `missing column(s): ${missing.join(", ")} (see docs/cutover.md)` },
      ],
      columns: [...index.keys()],
    };
  }
  if (rows.length - 1 > CSV_MAX_ROWS) {
    return {
      orders: [],
      errors: [{ line: 1, reason: `more than ${CSV_MAX_ROWS} rows: split the export` }],
      columns: [...index.keys()],
    };
  }
  const orders: CsvOrder[] = [];
  const errors: CsvParseResult["errors"] = [];
  rows.slice(1).forEach((row, offset) => {
    const line = offset + 2;
    const cell = (column: Column) => {
      const position = index.get(column);
      const value = position === undefined ? undefined : row[position]?.trim();
      return value === undefined || value === "" ? undefined : value;
    };
    const id = cell("id");
    const status = cell("status")?.toUpperCase();
    const email = cell("email")?.toLowerCase();
    if (id === undefined) return errors.push({ line, reason: "no order id" });
    if (status === undefined || !/^[A-Z_]+$/.test(status)) {
      return errors.push({ line, reason: `order ${id}: no readable status` });
    }
    if (email === undefined || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      return errors.push({ line, reason: `order ${id}: no valid customer email` });
    }
    const createdAt = cell("createdAt");
    const updatedAt = cell("updatedAt");
    for (const [name, value] of [
      ["created", createdAt],
      ["updated", updatedAt],
    ] as const) {
      if (value !== undefined && !isTime(value)) {
        return errors.push({ line, reason: `order ${id}: unreadable ${name} date "${value}"` });
      }
    }
    const productId = cell("productId");
    const variantId = cell("variantId");
    const subscriptionId = cell("subscriptionId");
    const customerId = cell("customerId");
    orders.push({
      id,
      status,
      ...(createdAt === undefined ? {} : { created_at: createdAt }),
      ...(updatedAt === undefined ? {} : { updated_at: updatedAt }),
      customer: { email, ...(customerId === undefined ? {} : { id: customerId }) },
      line_items: [
        {
          ...(productId === undefined ? {} : { product_id: productId }),
          ...(variantId === undefined ? {} : { product_variant_id: variantId }),
          ...(subscriptionId === undefined ? {} : { subscription_id: subscriptionId }),
        },
      ],
    });
    return undefined;
  });
  return { orders, errors, columns: [...index.keys()] };
}
