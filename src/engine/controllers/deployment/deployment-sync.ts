/**
 * One sync of one Deployment (`deployment_controller.go` syncDeployment and the strategy
 * files): pause conditions, scaling events, the RollingUpdate and Recreate rollouts, and the
 * status and conditions each step leaves behind.
 */
import type { KubeObject } from '../../api/types.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import {
  desiredReplicasAnnotation,
  dSpec,
  dStatus,
  filterActive,
  hasProgressDeadline,
  replicasOf,
  rsReplicas,
  statusReplicasSum,
} from './deployment-util.ts';
import {
  calculateStatus,
  deploymentComplete,
  getCondition,
  newCondition,
  PROGRESSING,
  rolloutStatus,
  setCondition,
  stuckRequeueMs,
} from './deployment-status.ts';
import { clone, DeploymentWrites } from './replica-set-writes.ts';
import { newRSNewReplicas, planOldReplicaSetsScaleDown, planProportionalScale } from './rolling-plan.ts';
import { sameStatus } from '../replicaset/same-json.ts';

export class DeploymentSync extends DeploymentWrites {
  checkPausedConditions(): void {
    const d = this.d;
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(dStatus(d), PROGRESSING);
    if (cond?.reason === 'ProgressDeadlineExceeded') return;
    const pausedExists = cond?.reason === 'DeploymentPaused';
    const paused = !!dSpec(d).paused;
    const now = this.host.now();
    const status = clone(dStatus(d));
    if (paused && !pausedExists) {
      setCondition(
        status,
        newCondition(PROGRESSING, 'Unknown', 'DeploymentPaused', 'Deployment is paused', now),
      );
    } else if (!paused && pausedExists) {
      setCondition(
        status,
        newCondition(PROGRESSING, 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now),
      );
    } else return;
    this.updateStatus(status);
  }

  /** `isScalingEvent`: an active ReplicaSet was sized for a different replicas count. */
  isScalingEvent(rsList: KubeObject[]): boolean {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    return filterActive([...oldRSs, newRS]).some((rs) => {
      const desired = desiredReplicasAnnotation(rs);
      return desired !== undefined && desired !== replicasOf(this.d);
    });
  }

  syncScale(rsList: KubeObject[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    this.applyScalings(planProportionalScale(this.d, newRS, oldRSs));
    if (dSpec(this.d).paused) this.cleanup(oldRSs);
    this.#syncDeploymentStatus([...oldRSs, newRS], newRS);
  }

  /** `syncDeploymentStatus`: counts and Available only; the Progressing condition stays. */
  #syncDeploymentStatus(allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined) {
    const status = calculateStatus(this.d, allRSs, newRS, this.host.now());
    if (sameStatus(dStatus(this.d), status)) return;
    this.updateStatus(status);
  }

  syncStatusOnly(rsList: KubeObject[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    this.#syncDeploymentStatus([...oldRSs, newRS], newRS);
  }

  #syncRolloutStatus(allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
    const now = this.host.now();
    const status = rolloutStatus(this.d, allRSs, newRS, now);
    if (sameStatus(dStatus(this.d), status)) {
      const after = stuckRequeueMs(this.d, status, now);
      if (after !== undefined) this.requeueAfterMs = after;
      return;
    }
    this.updateStatus(status);
  }

  rolloutRolling(rsList: KubeObject[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, true);
    if (!newRS) return;
    // As in Go, the status below is computed from the ReplicaSets as they were before this
    // sync's scaling; the watch of the scaled ReplicaSet brings the next sync.
    const allRSs = [...oldRSs, newRS];
    if (rsReplicas(newRS) !== replicasOf(this.d)) {
      const target =
        rsReplicas(newRS) > replicasOf(this.d) ? replicasOf(this.d) : newRSNewReplicas(this.d, allRSs, newRS);
      if (target !== rsReplicas(newRS)) {
        this.scale({ rs: newRS, replicas: target });
        this.#syncRolloutStatus(allRSs, newRS);
        return;
      }
    }
    const plan = planOldReplicaSetsScaleDown(this.d, allRSs, filterActive(oldRSs), newRS);
    if (this.applyScalings(plan)) {
      this.#syncRolloutStatus(allRSs, newRS);
      return;
    }
    if (deploymentComplete(this.d, dStatus(this.d))) this.cleanup(oldRSs);
    this.#syncRolloutStatus(allRSs, newRS);
  }

  rolloutRecreate(rsList: KubeObject[]): void {
    let { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    const activeOld = filterActive(oldRSs);
    if (this.applyScalings(activeOld.map((rs) => ({ rs, replicas: 0 })))) {
      this.#syncRolloutStatus([...oldRSs, newRS], newRS);
      return;
    }
    if (this.#oldPodsRunning(newRS, oldRSs)) {
      this.#syncRolloutStatus([...oldRSs, newRS], newRS);
      return;
    }
    if (!newRS) ({ newRS, oldRSs } = this.allReplicaSets(rsList, true));
    if (!newRS) return;
    this.scale({ rs: newRS, replicas: replicasOf(this.d) });
    if (deploymentComplete(this.d, dStatus(this.d))) this.cleanup(oldRSs);
    this.#syncRolloutStatus([...oldRSs, newRS], newRS);
  }

  /** `oldPodsRunning`: any old ReplicaSet still has pods that have not finished. */
  #oldPodsRunning(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): boolean {
    if (statusReplicasSum(oldRSs) > 0) return true;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    for (const pod of this.host.pods.list(oldRSs[0]?.metadata.namespace ?? newRS?.metadata.namespace)) {
      const ref = getControllerOf(pod);
      if (!ref || !oldUids.has(ref.uid)) continue;
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
    return false;
  }
}
