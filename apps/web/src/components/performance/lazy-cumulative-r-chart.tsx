"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { ChartFrame } from "@/components/business/chart-frame";
import { CUMULATIVE_R_TITLE, type RecordStats } from "./record-types";

// recharts is most of the landing page's JavaScript; it is fetched and run only when the chart is
// about to scroll into view, so the first screen of a phone does not wait for it.
const CumulativeRChart = dynamic(
  () => import("./cumulative-r-chart").then((module) => module.CumulativeRChart),
  { ssr: false, loading: () => <EmptyFrame /> },
);

/** The same frame without the chart: holds its place, so nothing moves when the chart arrives. */
function EmptyFrame() {
  return <ChartFrame title={CUMULATIVE_R_TITLE} testId="cumulative-r-chart-pending" />;
}

/** The cumulative-R chart, loaded when it comes within 300 px of the viewport. */
export function LazyCumulativeRChart({ points }: { points: RecordStats["cumulativeR"] }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = anchor.current;
    if (element === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={anchor}>{near ? <CumulativeRChart points={points} /> : <EmptyFrame />}</div>;
}
