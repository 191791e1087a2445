"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";

/**
 * A modal confirmation on the native <dialog>, opened with showModal(): the rest of the page is
 * inert (no clicks, no Tab, hidden from screen readers) and the dialog sits in the top layer.
 * Its title and description are wired; focus moves inside on open (to `data-autofocus` if any);
 * Esc or a click on the backdrop closes it (unless `dismissable` is false, e.g. while a
 * transaction is being signed); focus then returns to what had it before — or to `returnFocus`
 * when that element is gone (a ruled claim leaves the list).
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
  const dialog = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  const dismissableRef = useRef(dismissable);
  useEffect(() => {
    closeRef.current = onClose;
    dismissableRef.current = dismissable;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    node?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const fallback = returnFocus;
    return () => {
      if (node?.open) node.close();
      document.body.style.overflow = overflow;
      const target = opener?.isConnected ? opener : fallback?.current;
      target?.focus();
    };
  }, [returnFocus]);

  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      data-testid={testId}
      // Esc: the page decides whether and how the dialog closes (it unmounts it).
      onCancel={(e) => {
        e.preventDefault();
        if (dismissableRef.current) closeRef.current();
      }}
      // A press on the backdrop targets the <dialog> itself; the card inside covers all of its box.
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && dismissableRef.current) closeRef.current();
      }}
      className="m-auto mb-2 w-[calc(100%-1rem)] max-w-lg bg-transparent p-0 text-current backdrop:bg-black/50 sm:mb-auto"
    >
      <div className="card max-h-[92vh] space-y-4 overflow-y-auto shadow-xl">
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
    </dialog>,
    document.body,
  );
}
