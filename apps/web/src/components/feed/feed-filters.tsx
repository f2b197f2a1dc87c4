"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { dayBound } from "@/lib/format";
import type { FeedFilters as Filters } from "./types";

const inputClass =
  "w-full rounded-md border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm text-zinc-100 focus:border-sky-400";

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "placeholder"> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
};

function FilterInput({ id, label, value, onChange, ...input }: InputProps) {
  return (
    <Labelled id={id} label={label}>
      <input
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
    </Labelled>
  );
}

type SelectProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
};

function FilterSelect({ id, label, value, onChange, children }: SelectProps) {
  return (
    <Labelled id={id} label={label}>
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
    </Labelled>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-400">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Pair, side, channel, date range and free-text search. Text inputs apply after a short pause. */
export function FeedFilters({ onChange }: { onChange: (filters: Filters) => void }) {
  const channels = useQuery(api.feed.channels, {});
  const [search, setSearch] = useState("");
  const [pair, setPair] = useState("");
  const [side, setSide] = useState("");
  const [channelId, setChannelId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const filters: Filters = {};
      if (search.trim()) filters.search = search.trim();
      if (pair.trim()) filters.pair = pair.trim().toUpperCase();
      if (side === "long" || side === "short") filters.side = side;
      if (channelId) filters.channelId = channelId;
      const fromMs = dayBound(from, "start");
      const toMs = dayBound(to, "end");
      if (fromMs !== undefined) filters.from = fromMs;
      if (toMs !== undefined) filters.to = toMs;
      onChange(filters);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [search, pair, side, channelId, from, to, onChange]);

  const activeCount = [pair.trim(), side, channelId, from, to].filter(
    (value) => value !== "",
  ).length;
  return (
    <form
      role="search"
      aria-label="Filter signals"
      className="flex flex-col gap-2"
      onSubmit={(event) => event.preventDefault()}
    >
      <div>
        <FilterInput
          id="filter-search"
          label="Search"
          type="search"
          placeholder="e.g. breakout, SOL"
          value={search}
          onChange={setSearch}
        />
      </div>
      <details className="group">
        <summary className="cursor-pointer text-sm text-sky-300">
          Filters{activeCount > 0 ? ` (${activeCount} active)` : ""}
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
          <FilterInput
            id="filter-pair"
            label="Pair"
            placeholder="BTC/USDT"
            value={pair}
            onChange={setPair}
          />
          <FilterSelect id="filter-side" label="Side" value={side} onChange={setSide}>
            <option value="">Any</option>
            <option value="long">Long</option>
            <option value="short">Short</option>
          </FilterSelect>
          <FilterSelect
            id="filter-channel"
            label="Channel"
            value={channelId}
            onChange={setChannelId}
          >
            <option value="">All channels</option>
            {(channels ?? []).map((channel) => (
              <option key={channel.channelId} value={channel.channelId}>
                {channel.label}
              </option>
            ))}
          </FilterSelect>
          <FilterInput
            id="filter-from"
            label="From (UTC)"
            type="date"
            value={from}
            onChange={setFrom}
          />
          <FilterInput id="filter-to" label="To (UTC)" type="date" value={to} onChange={setTo} />
        </div>
      </details>
    </form>
  );
}
