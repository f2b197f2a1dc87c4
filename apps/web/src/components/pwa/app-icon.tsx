import { ImageResponse } from "next/og";

/**
 * The app icon drawn at build time (the same mark as app/icon.svg: a rising line on black), so
 * no binary image is committed. A maskable icon keeps the mark inside the central safe zone
 * (80%), because launchers crop it to their own shape.
 */
export function appIconResponse(size: number, maskable: boolean): ImageResponse {
  const inset = maskable ? size * 0.2 : size * 0.12;
  const inner = size - inset * 2;
  return new ImageResponse(
    <div
      style={{
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#09090b",
        borderRadius: maskable ? 0 : size * 0.18,
      }}
    >
      <svg width={inner} height={inner} viewBox="0 0 32 32">
        <path
          d="M4 24l7-8 6 5 11-13"
          fill="none"
          stroke="#34d399"
          strokeWidth="3.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>,
    { width: size, height: size },
  );
}
