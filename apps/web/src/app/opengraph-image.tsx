import { ImageResponse } from "next/og";

export const alt = "G3netic Crypto Signals — live trading calls, every edit on record";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The share card for every page (Next's metadata API links it as og:image and twitter:image). */
export default function OpenGraphImage() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        padding: 80,
        background: "#09090b",
        color: "#f4f4f5",
        fontFamily: "sans-serif",
      }}
    >
      <div style={{ display: "flex", fontSize: 40, fontWeight: 700 }}>
        G3netic<span style={{ color: "#34d399", marginLeft: 12 }}>Signals</span>
      </div>
      <div style={{ fontSize: 64, fontWeight: 700, marginTop: 32, lineHeight: 1.1 }}>
        Crypto signals, live, the moment they are posted.
      </div>
      <div style={{ fontSize: 30, color: "#a1a1aa", marginTop: 32 }}>
        Live web feed · Discord mirror · every edit on record
      </div>
    </div>,
    size,
  );
}
