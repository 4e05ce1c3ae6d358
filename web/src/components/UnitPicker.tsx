// Picks an org unit from the caller's own subtree: roots from /api/org-units?roots=true,
// children fetched when a branch is opened. Works inside antd Form.Item (value/onChange/id).
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchKey } from '@mosharekat/fa';
import type { OrgUnit, OrgUnitSummary } from '../api/types';
import { loadChildUnits, loadRootUnits, loadUnitDetail } from '../lib/org-cache';

interface Node {
  id: string;
  pId: string | undefined;
  value: string;
  title: string;
  isLeaf: boolean;
  unit: OrgUnitSummary;
}

export interface UnitPickerProps {
  value?: string | null;
  onChange?: (id: string | undefined, unit?: OrgUnitSummary) => void;
  /** Leave retired units out (e.g. when choosing where something new goes). */
  activeOnly?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  style?: CSSProperties;
  className?: string;
  disabled?: boolean;
  /** Units that may not be chosen (a unit cannot move under itself). */
  disabledIds?: string[];
}

function toNode(unit: OrgUnit | OrgUnitSummary, pId: string | undefined, t: (k: string) => string): Node {
  const retired = 'status' in unit && unit.status === 'retired';
  const isLeaf = 'childCount' in unit ? unit.childCount === 0 : false;
  const title = retired ? `${unit.name} (${t('status.retired')})` : unit.name;
  return { id: unit.id, pId, value: unit.id, title, isLeaf, unit };
}

export function UnitPicker({ value, onChange, activeOnly, disabledIds, ...rest }: UnitPickerProps) {
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<Map<string, Node>>(new Map());
  const [rootIds, setRootIds] = useState<string[] | null>(null);

  const add = useCallback((incoming: Node[]) => {
    setNodes((current) => {
      const next = new Map(current);
      for (const node of incoming) next.set(node.id, { ...next.get(node.id), ...node });
      return next;
    });
  }, []);

  useEffect(() => {
    let live = true;
    loadRootUnits()
      .then((roots) => {
        if (!live) return;
        add(roots.map((unit) => toNode(unit, undefined, t)));
        setRootIds(roots.map((unit) => unit.id));
      })
      .catch(() => setRootIds([]));
    return () => {
      live = false;
    };
  }, [add, t]);

  // A value chosen elsewhere (URL, saved state) may sit deep in the tree: add its path below the caller's roots.
  useEffect(() => {
    if (!value || !rootIds || nodes.has(value)) return;
    let live = true;
    loadUnitDetail(value)
      .then(({ unit, path }) => {
        if (!live) return;
        const start = path.findIndex((step) => rootIds.includes(step.id));
        if (start < 0) return;
        const chain: Node[] = [];
        let parentId = path[start]?.id;
        for (const step of path.slice(start + 1)) {
          chain.push(toNode(step.id === unit.id ? unit : step, parentId, t));
          parentId = step.id;
        }
        add(chain);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, rootIds, nodes, add, t]);

  const loadData = useCallback(
    async (node: { value?: string | number | null }) => {
      const parentId = String(node.value);
      const children = await loadChildUnits(parentId, activeOnly ?? false);
      add(children.map((unit) => toNode(unit, parentId, t)));
    },
    [activeOnly, add, t],
  );

  const treeData = useMemo(
    () => [...nodes.values()].map(({ unit: _unit, ...node }) => ({ ...node, disabled: disabledIds?.includes(node.id) ?? false })),
    [nodes, disabledIds],
  );

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      loading={rootIds === null}
      treeDefaultExpandedKeys={rootIds ?? []}
      showSearch={{ filterTreeNode: (input, node) => searchKey(String(node.title ?? '')).includes(searchKey(input)) }}
      popupMatchSelectWidth={false}
      onChange={(id?: string) => onChange?.(id, id ? nodes.get(id)?.unit : undefined)}
    />
  );
}
