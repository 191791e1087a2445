"use client";

import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface TabSpec {
  /** Also the URL hash: /metapool/0x…#underwrite. */
  id: string;
  label: string;
  panel: ReactNode;
  /** Starts loading a lazily loaded panel's code, called when its tab is pointed at or focused. */
  preload?: () => unknown;
}

/** The tab named by the URL (#underwrite, or ?tab=underwrite for shared links), if it exists. */
function tabFromUrl(ids: readonly string[]): string | undefined {
  const hash = window.location.hash.replace(/^#/, "");
  if (ids.includes(hash)) return hash;
  const query = new URLSearchParams(window.location.search).get("tab") ?? "";
  return ids.includes(query) ? query : undefined;
}

/**
 * The MetaPool page's sections as WAI-ARIA tabs: arrow keys, Home and End move between them
 * (selection follows focus), and the chosen tab lives in the URL hash so a reload or a shared
 * link opens it. Panels stay mounted once shown, so a half-filled form survives a tab switch.
 */
export function MetaPoolTabs({ tabs, label }: { tabs: readonly TabSpec[]; label: string }) {
  const ids = tabs.map((t) => t.id);
  const idsKey = ids.join(",");
  const [selected, setSelected] = useState(ids[0]!);
  const [visited, setVisited] = useState<Set<string>>(() => new Set([ids[0]!]));
  const base = useId();
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  const show = useCallback((id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  }, []);

  // Before the first paint, so a deep link (#claims, ?tab=claims) never shows Overview first.
  useLayoutEffect(() => {
    const all = idsKey.split(",");
    const sync = () => {
      const id = tabFromUrl(all);
      if (id) show(id);
    };
    sync();
    window.addEventListener("hashchange", sync);
    return () => window.removeEventListener("hashchange", sync);
  }, [idsKey, show]);

  const choose = (id: string, focus: boolean) => {
    show(id);
    const url = new URL(window.location.href);
    url.searchParams.delete("tab");
    url.hash = id === ids[0] ? "" : id;
    window.history.replaceState(window.history.state, "", url.toString().replace(/#$/, ""));
    if (focus) buttons.current[id]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = ids.indexOf(selected);
    const next =
      e.key === "ArrowRight"
        ? ids[(i + 1) % ids.length]
        : e.key === "ArrowLeft"
          ? ids[(i - 1 + ids.length) % ids.length]
          : e.key === "Home"
            ? ids[0]
            : e.key === "End"
              ? ids[ids.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    choose(next, true);
  };

  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="-mx-4 flex gap-1 overflow-x-auto border-b border-border px-4 sm:mx-0 sm:px-0"
      >
        {tabs.map((tab) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[tab.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              onClick={() => choose(tab.id, false)}
              onPointerEnter={tab.preload}
              onFocus={tab.preload}
              onKeyDown={onKeyDown}
              className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-green-600 ${
                active
                  ? "border-green-700 text-foreground dark:border-green-400"
                  : "border-transparent text-muted hover:text-foreground"
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          tabIndex={0}
          className="pt-6 focus-visible:outline-none"
        >
          {visited.has(tab.id) && tab.panel}
        </div>
      ))}
    </div>
  );
}
