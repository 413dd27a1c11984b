// A form's findings in a panel of their own beside the table, where they read whole at any width:
// the row's figures stay where they were, and nothing scrolls sideways.
import * as React from "react";
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Text, tokens, makeStyles } from "@fluentui/react-components";
import type { SummaryRow } from "../core/summaryRows";
import { visibleText } from "../core/text";
import { FindingsTable } from "./FindingsTable";
import type { WebTranslator } from "./strings";

const useStyles = makeStyles({
  message: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalM, display: "block" },
});

interface FindingsDrawerProps {
  tr: WebTranslator;
  row: SummaryRow | null;
  id: string;
  onClose: () => void;
}

export function FindingsDrawer({ tr, row, id, onClose }: FindingsDrawerProps) {
  const s = useStyles();
  const label = row ? tr.t("findingsOf", { file: visibleText(row.file), sheet: visibleText(row.sheet) }) : "";
  return (
    <OverlayDrawer position="end" size="large" open={row !== null} onOpenChange={(_, d) => !d.open && onClose()} aria-label={label} id={id}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" onClick={onClose} data-testid="close-findings">{tr.t("close")}</Button>}>{label}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {row && (
          <>
            <Text className={s.message}>{visibleText(tr.m(row.message))}</Text>
            <FindingsTable tr={tr} findings={row.findings} id={`${id}-table`} label={label} />
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
