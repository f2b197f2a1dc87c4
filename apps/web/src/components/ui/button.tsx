import type { ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
};

const variants = {
  primary: "bg-emerald-500 text-zinc-950 hover:bg-emerald-400",
  secondary: "border border-zinc-700 bg-zinc-900 text-zinc-100 hover:bg-zinc-800",
  danger: "bg-rose-500 text-zinc-950 hover:bg-rose-400",
};

export function Button({ variant = "primary", className, type = "button", ...rest }: Props) {
  return (
    <button
      type={type}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${className ?? ""}`}
      {...rest}
    />
  );
}
