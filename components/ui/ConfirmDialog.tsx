"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation: role=dialog with its title and description wired, focus moved inside on
 * open and kept there (Tab and Shift+Tab wrap), Esc closes (unless `dismissable` is false, e.g.
 * while a transaction is being signed), and focus returns to what had it before — or to
 * `returnFocus` when that element is gone (a ruled claim leaves the list).
 */
export function ConfirmDialog({
  title,
  description,
  children,
  footer,
  onClose,
  dismissable = true,
  returnFocus,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer: ReactNode;
  onClose: () => void;
  dismissable?: boolean;
  returnFocus?: RefObject<HTMLElement | null>;
  testId?: string;
}) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  const dismissableRef = useRef(dismissable);
  useEffect(() => {
    closeRef.current = onClose;
    dismissableRef.current = dismissable;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = panel.current;
    const first = node?.querySelector<HTMLElement>("[data-autofocus]") ?? node?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node)?.focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const fallback = returnFocus;
    return () => {
      document.body.style.overflow = overflow;
      const target = opener?.isConnected ? opener : fallback?.current;
      target?.focus();
    };
  }, [returnFocus]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      if (dismissableRef.current) closeRef.current();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className="fixed inset-0 z-50 flex items-end justify-center bg-black/50 p-2 sm:items-center sm:p-4"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && dismissableRef.current) closeRef.current();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
        className="card max-h-[92vh] w-full max-w-lg space-y-4 overflow-y-auto shadow-xl focus:outline-none"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {description && (
          <div id={`${id}-description`} className="text-sm text-muted">
            {description}
          </div>
        )}
        {children}
        <div className="flex flex-wrap justify-end gap-2">{footer}</div>
      </div>
    </div>,
    document.body,
  );
}
