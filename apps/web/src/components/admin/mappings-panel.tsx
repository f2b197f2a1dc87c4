"use client";

import { api } from "@convex/_generated/api";
import { useQuery } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MappingForm } from "./mapping-form";
import { MappingRow } from "./mapping-row";

export function MappingsPanel() {
  const mappings = useQuery(api.channelMappings.list, {});
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      {creating ? (
        <MappingForm onDone={() => setCreating(false)} />
      ) : (
        <Button className="self-start" onClick={() => setCreating(true)}>
          New mapping
        </Button>
      )}
      {mappings === undefined ? <p className="text-zinc-400">Loading…</p> : null}
      {mappings?.length === 0 ? <p className="text-zinc-400">No mappings yet.</p> : null}
      {mappings?.map((mapping) => (
        <MappingRow key={mapping._id} mapping={mapping} />
      ))}
    </div>
  );
}
