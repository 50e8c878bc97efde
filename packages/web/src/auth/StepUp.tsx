// "Confirm it's you": what the API guards with step-up (StepUpRequiredError) opens this dialog,
// takes a second factor on the same session (startStepUp / completeStepUp), then carries on with
// the action.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { StepUpInPlaceDialog } from "../next/StepUpInPlaceDialog.js";

type WithStepUp = <R extends { __typename: string }>(work: () => Promise<R>) => Promise<R>;

const StepUpContext = createContext<WithStepUp | null>(null);

/** Runs `work`; when the API asks for step-up, confirms it's you and runs it once more. */
export function useStepUp(): WithStepUp {
  const value = useContext(StepUpContext);
  if (!value) throw new Error("useStepUp outside StepUpProvider");
  return value;
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<(confirmed: boolean) => void>(() => undefined);

  const withStepUp = useCallback<WithStepUp>(async (work) => {
    const first = await work();
    if (first.__typename !== "StepUpRequiredError") return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setOpen(true);
    });
    return confirmed ? work() : first;
  }, []);

  function close(confirmed: boolean) {
    setOpen(false);
    settle.current(confirmed);
  }

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      {open && <ConfirmItsYou onDone={close} />}
    </StepUpContext.Provider>
  );
}

/**
 * The dialog StepUpProvider opens (next/StepUpInPlaceDialog.tsx): the API's step-up in place, so
 * the same session becomes AAL2 again with a second factor; Cancel is `onDone(false)`.
 */
const ConfirmItsYou = StepUpInPlaceDialog;
