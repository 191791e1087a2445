"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { defaultCreateForm, type CreateForm } from "@/lib/forms/createMetaPool";

const DRAFT_KEY = "canopy:create-draft";

/**
 * The create form, kept as a draft for the tab: it survives a reload (not the browser) through
 * sessionStorage, read after hydration so the server's HTML and the first render agree.
 */
export function useCreateDraft(initialAsset: string) {
  const [form, setForm] = useState<CreateForm>(() => defaultCreateForm(initialAsset));
  const restored = useRef(false);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    try {
      const saved = sessionStorage.getItem(DRAFT_KEY);
      if (saved) setForm({ ...defaultCreateForm(), ...(JSON.parse(saved) as Partial<CreateForm>) });
    } catch {
      // A corrupt draft is dropped; the defaults stand.
    }
  }, []);
  useEffect(() => {
    if (!restored.current) return;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(form));
    } catch {
      // Storage full or disabled: the wizard still works, only the draft is not kept.
    }
  }, [form]);

  const clearDraft = useCallback(() => {
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // Nothing to clean up.
    }
  }, []);

  return { form, setForm, clearDraft };
}
